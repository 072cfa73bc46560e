#!/usr/bin/env bash
# Quick start, line two: set up everything the tests need, then run every test.
# Idempotent: one-time builds are cached (see scripts/lib/env.sh), so a repeat run is fast.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$REPO_ROOT"

ensure_node_modules
# Stop, at the end, only the libvirt daemons that the setup below started (none it found running).
source scripts/lib/libvirt.sh
trap 'libvirt_stop_started_daemons || true' EXIT
for step in scripts/setup/*.sh; do
  [ -e "$step" ] || continue
  log "setup: $step"
  bash "$step"
done

log "lint and type-check"
npm run --silent lint

log "vitest"
results="$PULUMI_OVIRT_CACHE/vitest-results.json"
status=0
npx vitest run --reporter=default --reporter=json --outputFile="$results" || status=$?

passed=$(node -p "require('$results').numPassedTests" 2>/dev/null || echo 0)
failed=$(node -p "require('$results').numFailedTests" 2>/dev/null || echo 0)
skipped=$(node -p "require('$results').numPendingTests + require('$results').numTodoTests" 2>/dev/null || echo 0)
source scripts/lib/conformance.sh
run_conformance || status=$?
run_python_sdk_tests || status=$?
source scripts/lib/go-conformance.sh
run_go_conformance || status=$?
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
