#!/usr/bin/env bash
# Quick start, line one: a real `pulumi up` of examples/vdi-pool against the bundled oVirt engine
# emulator, on a local Pulumi backend. Sets up what is missing first (npm packages, the Pulumi CLI,
# the SDK build), then shows Pulumi's own progress display and the stack's outputs.
#
#   scripts/demo.sh           up, the outputs, then destroy: the emulator stops with nothing left in it
#   scripts/demo.sh --keep    up and the outputs, then keep the emulator and the stack until Enter or
#                             Ctrl-C, printing how to use them (pulumi preview, destroy, ...); then destroy
#   scripts/demo.sh --reset   remove the demo's state and engine data ($PULUMI_OVIRT_DEMO_DIR)
#
# Everything lives in $PULUMI_OVIRT_DEMO_DIR (default $PULUMI_OVIRT_CACHE/demo): the Pulumi stack
# `demo` in state/ (a file backend), the emulator's database and CA in engine/. Every run starts
# from a fresh emulator and stack; a run that was killed leaves them there, and the next run or
# --reset removes them.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$REPO_ROOT"

DEMO_DIR="${PULUMI_OVIRT_DEMO_DIR:-$PULUMI_OVIRT_CACHE/demo}"
mode="run"
case "${1:-}" in
  "") ;;
  --keep) mode="keep" ;;
  --reset)
    rm -rf "$DEMO_DIR"
    log "removed the demo's stack state and engine data ($DEMO_DIR)"
    exit 0 ;;
  *) die "unknown argument '$1' (expected nothing, --keep or --reset)" ;;
esac

ensure_node_modules
bash scripts/setup/pulumi-cli.sh

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
# The ready line is polled from this file: it must exist before the first poll (under pipefail a
# sed of a missing file would end the script).
: >"$DEMO_DIR/engine/stdout"
# In a session of its own (setsid), so a Ctrl-C at the --keep prompt reaches this script, which
# still needs the engine to destroy the stack, and not the emulator.
$(command -v setsid || true) node --disable-warning=ExperimentalWarning emulator/main.ts --port 0 --data "$DEMO_DIR/engine" --delay-ms 300 \
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

# The emulator stops when this script ends, so the stack is destroyed first: it never points at an
# engine that is gone.
destroy_stack() {
  log "pulumi destroy (the demo's VMs, template, pool and policy), then the stack itself"
  pulumi destroy --yes --skip-preview --non-interactive
  pulumi stack rm "$STACK" --yes --non-interactive >/dev/null
}

if [ "$mode" = "keep" ]; then
  cat <<USAGE
The emulator and the stack stay up until you press Enter (or Ctrl-C) here. In another shell:

  cd $PROGRAM_DIR
  export PULUMI_BACKEND_URL=$PULUMI_BACKEND_URL PULUMI_CONFIG_PASSPHRASE=$PULUMI_CONFIG_PASSPHRASE
  export PATH=$PULUMI_OVIRT_CLI_BIN:$PULUMI_OVIRT_PLUGIN_DIR:\$PATH
  pulumi stack select $STACK
  pulumi config set vdi-pool:poolSize 4 && pulumi up      # or preview, refresh, destroy ...

Stack state: $DEMO_DIR/state   engine data: $DEMO_DIR/engine   engine: $api_url (admin@internal)
USAGE
  trap 'echo' INT
  read -r _ || true
  trap - INT
fi
destroy_stack
log "done: the stack is destroyed and removed, and the emulator stops now. Its data (state in $DEMO_DIR/state, engine in $DEMO_DIR/engine) is removed by the next run or by scripts/demo.sh --reset"
