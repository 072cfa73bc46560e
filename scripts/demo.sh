#!/usr/bin/env bash
# Quick start, line one: a real `pulumi up` of examples/vdi-pool against the bundled oVirt engine
# emulator, on a local Pulumi backend. Sets up what is missing first (npm packages, the Pulumi CLI,
# the SDK build), then shows Pulumi's own progress display and the stack's outputs.
# Re-runnable: every run starts a fresh emulator and a fresh stack, and stops the emulator at the end.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$REPO_ROOT"

ensure_node_modules
bash scripts/setup/pulumi-cli.sh

DEMO_DIR="$PULUMI_OVIRT_CACHE/demo"
rm -rf "$DEMO_DIR/state" "$DEMO_DIR/engine"
mkdir -p "$DEMO_DIR/state" "$DEMO_DIR/engine"
export PULUMI_OVIRT_STATE_DIR="$DEMO_DIR/state"
source scripts/lib/pulumi.sh
pulumi_require_cli
pulumi_require_plugin

PROGRAM_DIR="$REPO_ROOT/examples/vdi-pool"
STACK="demo"
pulumi_link_program_deps "$PROGRAM_DIR"

emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  # The stack's settings file; the stack itself lives in $DEMO_DIR/state until the next run.
  rm -f "$PROGRAM_DIR/Pulumi.$STACK.yaml"
}
trap cleanup EXIT
rm -f "$PROGRAM_DIR/Pulumi.$STACK.yaml"

log "starting the oVirt engine emulator"
OVIRT_EMULATOR_PASSWORD="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(12).toString("hex"))')"
export OVIRT_EMULATOR_PASSWORD
# A short asynchronous delay, so the progress display shows the engine's locked/image_locked states.
node --disable-warning=ExperimentalWarning emulator/main.ts --port 0 --data "$DEMO_DIR/engine" --delay-ms 300 \
  >"$DEMO_DIR/engine/stdout" 2>"$DEMO_DIR/engine/emulator.log" &
emulator_pid=$!
api_url=""
for _ in $(seq 1 150); do
  api_url="$(sed -n 's/^ready //p' "$DEMO_DIR/engine/stdout" 2>/dev/null | head -n1)"
  [ -n "$api_url" ] && break
  kill -0 "$emulator_pid" 2>/dev/null || die "the emulator exited early; see $DEMO_DIR/engine/emulator.log"
  sleep 0.2
done
[ -n "$api_url" ] || die "the emulator did not print 'ready <url>' within 30 seconds; see $DEMO_DIR/engine/emulator.log"
log "emulator ready at $api_url"

cd "$PROGRAM_DIR"
pulumi stack init "$STACK" --non-interactive >/dev/null
pulumi config set ovirt:url "$api_url"
pulumi config set ovirt:username admin@internal
pulumi config set ovirt:caFile "$DEMO_DIR/engine/ca.pem"
# Through stdin, so the password never shows in a process list; stored encrypted.
printf '%s' "$OVIRT_EMULATOR_PASSWORD" | pulumi config set --secret ovirt:password

log "pulumi up (examples/vdi-pool, stack '$STACK', local backend $PULUMI_BACKEND_URL)"
# In a terminal Pulumi draws its live progress tree; elsewhere (CI, a pipe) it prints line by line.
pulumi up --yes

echo
log "outputs"
echo "consoleDescription: $(pulumi stack output consoleDescription)"
echo "poolVmNames:        $(pulumi stack output poolVmNames --json | tr -d ' \n')"
echo "templateId:         $(pulumi stack output templateId)"
echo "desktopDomainXml (the libvirt domain each desktop runs):"
pulumi stack output desktopDomainXml | sed 's/^/  /'
echo
log "done; the emulator stops now (its data and the stack's state stay in $DEMO_DIR until the next run)"
