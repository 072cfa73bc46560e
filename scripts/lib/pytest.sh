# Runs pytest suites for scripts/test.sh and adds their counts to its closing `tests:` line.
# Sourced; needs env.sh's REPO_ROOT and PULUMI_OVIRT_CACHE. The caller's `passed`, `failed` and
# `skipped` are updated in place.

# run_pytest_suite LABEL PYTHON PATH...: pytest with PYTHON (a venv's interpreter) on the given test
# paths. Prints "LABEL: N passed, N failed, N skipped"; returns non-zero when a test failed, pytest
# could not run, or it collected nothing (a broken suite is never a pass).
run_pytest_suite() {
  local label="$1" python="$2" rc=0 counts p f s
  shift 2
  local junit="$PULUMI_OVIRT_CACHE/$label-junit.xml"
  rm -f "$junit"
  (cd "$REPO_ROOT" && PYTHONDONTWRITEBYTECODE=1 "$python" -m pytest -p no:cacheprovider \
    -o console_output_style=classic -rfEs --junitxml="$junit" "$@") || rc=$?

  if ! counts="$("$python" - "$junit" <<'PY'
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
tests = failures = errors = skipped = 0
for suite in suites:
    tests += int(suite.get("tests", 0))
    failures += int(suite.get("failures", 0))
    errors += int(suite.get("errors", 0))
    skipped += int(suite.get("skipped", 0))
print(tests - failures - errors - skipped, failures + errors, skipped)
PY
  )"; then
    echo "$label: pytest wrote no readable JUnit report (exit code $rc); counting one failure" >&2
    failed=$(( ${failed:-0} + 1 ))
    return 1
  fi

  read -r p f s <<<"$counts"
  echo "$label: $p passed, $f failed, $s skipped"
  passed=$(( ${passed:-0} + p ))
  failed=$(( ${failed:-0} + f ))
  skipped=$(( ${skipped:-0} + s ))
  # pytest exits 5 when it collected nothing.
  [ "$rc" -eq 0 ] && [ "$f" -eq 0 ] && [ "$p" -gt 0 ]
}

# The generated Python SDK's unit tests (test/sdk/python, pulumi.runtime.set_mocks), in the venv of
# scripts/setup/pulumi-python.sh. Without it they are counted as skipped, loudly.
run_python_sdk_tests() {
  source "$REPO_ROOT/scripts/lib/pulumi-python.sh"
  if ! pulumi_python_refresh_sdk; then
    local count
    count="$(grep -hcE '^(async )?def test_' "$REPO_ROOT"/test/sdk/python/test_*.py | awk '{ t += $1 } END { print t + 0 }')"
    printf '\n\033[1;33m!!! SKIPPED: the Python virtualenv is not set up (%s Python SDK test functions skipped); run scripts/setup/pulumi-python.sh\033[0m\n\n' "$count" >&2
    skipped=$(( ${skipped:-0} + count ))
    return 0
  fi
  log "python SDK: pulumi_ovirt under pulumi.runtime.set_mocks (pytest)"
  run_pytest_suite python-sdk "$PULUMI_OVIRT_PY_VENV/bin/python" test/sdk/python
}
