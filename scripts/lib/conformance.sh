# The conformance suite: the official oVirt Python SDK, unchanged, against the engine emulator
# (test/conformance, pytest). Sourced by scripts/test.sh after vitest; needs env.sh's REPO_ROOT and
# PULUMI_OVIRT_CACHE. run_conformance adds its counts to the caller's `passed`, `failed` and
# `skipped`, and returns non-zero when a test failed or pytest could not run.

conformance_test_count() {
  # Without pytest, count the test functions by hand (the suite uses no parametrisation).
  grep -hcE '^def test_' "$REPO_ROOT"/test/conformance/test_*.py 2>/dev/null |
    awk '{ total += $1 } END { print total + 0 }'
}

run_conformance() {
  local venv="$PULUMI_OVIRT_CACHE/python-venv"
  local junit="$PULUMI_OVIRT_CACHE/conformance-junit.xml"
  local count rc=0

  if [ ! -f "$venv/.sdk-version" ] || ! "$venv/bin/python" -c 'import ovirtsdk4, pytest' 2>/dev/null; then
    count="$(conformance_test_count)"
    printf '\n\033[1;33m!!! SKIPPED: Python SDK not installed (%s conformance tests skipped); run scripts/setup/python-sdk.sh as root\033[0m\n\n' "$count" >&2
    skipped=$(( ${skipped:-0} + count ))
    return 0
  fi

  log "conformance: the oVirt Python SDK $(cat "$venv/.sdk-version") against the emulator (pytest)"
  rm -f "$junit"
  (cd "$REPO_ROOT" && PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" -m pytest -p no:cacheprovider \
    -o console_output_style=classic -rfEs --junitxml="$junit" test/conformance) || rc=$?

  local counts
  if ! counts="$("$venv/bin/python" - "$junit" <<'PY'
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
    echo "conformance: pytest wrote no readable JUnit report (exit code $rc); counting one failure" >&2
    failed=$(( ${failed:-0} + 1 ))
    return 1
  fi

  local p f s
  read -r p f s <<<"$counts"
  echo "conformance: $p passed, $f failed, $s skipped"
  passed=$(( ${passed:-0} + p ))
  failed=$(( ${failed:-0} + f ))
  skipped=$(( ${skipped:-0} + s ))
  # pytest exits 5 when it collected nothing: that is a broken suite, not a pass.
  if [ "$rc" -ne 0 ] || [ "$f" -gt 0 ] || [ "$p" -eq 0 ]; then
    return 1
  fi
  return 0
}
