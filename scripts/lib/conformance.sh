# The conformance suite: the official oVirt Python SDK, unchanged, against the engine emulator
# (test/conformance, pytest). Sourced by scripts/test.sh after vitest; needs env.sh's REPO_ROOT and
# PULUMI_OVIRT_CACHE. run_conformance adds its counts to the caller's `passed`, `failed` and
# `skipped`, and returns non-zero when a test failed or pytest could not run.

# shellcheck source=pytest.sh
source "$(dirname "${BASH_SOURCE[0]}")/pytest.sh"

conformance_test_count() {
  # Without pytest, count the test functions by hand (the suite uses no parametrisation).
  grep -hcE '^def test_' "$REPO_ROOT"/test/conformance/test_*.py 2>/dev/null |
    awk '{ total += $1 } END { print total + 0 }'
}

run_conformance() {
  local venv="$PULUMI_OVIRT_CACHE/python-venv" count

  if [ ! -f "$venv/.sdk-version" ] || ! "$venv/bin/python" -c 'import ovirtsdk4, pytest' 2>/dev/null; then
    count="$(conformance_test_count)"
    printf '\n\033[1;33m!!! SKIPPED: Python SDK not installed (%s conformance tests skipped); run scripts/setup/python-sdk.sh as root\033[0m\n\n' "$count" >&2
    skipped=$(( ${skipped:-0} + count ))
    return 0
  fi

  log "conformance: the oVirt Python SDK $(cat "$venv/.sdk-version") against the emulator (pytest)"
  run_pytest_suite conformance "$venv/bin/python" test/conformance
}
