# Sourceable: the Pulumi CLI, its Node.js language host and our provider plugin on PATH, and an
# offline Pulumi environment (local file backend, passphrase secrets, no update check, no plugin
# downloads). Runs nothing heavy; scripts/setup/pulumi-cli.sh builds the CLI once per machine.
#
# Before sourcing, callers may set:
#   PULUMI_OVIRT_STATE_DIR   where stacks are kept (default: $PULUMI_OVIRT_CACHE/pulumi-state)
#   PULUMI_HOME              Pulumi's own home: plugin cache, workspace settings
#                            (default: $PULUMI_OVIRT_CACHE/pulumi-home)
#   PULUMI_CONFIG_PASSPHRASE the passphrase of the stacks' secrets (default: a fixed local one)
# After sourcing:
#   PULUMI_OVIRT_CLI_SOURCE  "built" (our cached build), "user" (a pulumi already on PATH) or "missing"
#   pulumi_cli_available     returns 0 when `pulumi` and `pulumi-language-nodejs` can be run
#   pulumi_require_cli       dies with what to run when they cannot
#   pulumi_require_plugin    dies with a clear message when pulumi-resource-ovirt is missing
#   pulumi_ensure_sdk_built  compiles sdk/nodejs into sdk/nodejs/bin when missing or stale
#   pulumi_link_program_deps DIR   gives a program in this repo its npm dependencies, offline
# Set PULUMI_OVIRT_OWN_CLI=1 to use our build even when another pulumi is on PATH.

# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# Pulumi release built by tools/pulumi-cli; keep it equal to the npm @pulumi/pulumi version.
PULUMI_CLI_VERSION="v3.259.0"

# The cache directory of our build: keyed by the release and a hash of the wrapper module's
# sources, so editing the language host or go.mod makes a fresh build and never reuses a stale one.
pulumi_cli_build_dir() {
  local src="$REPO_ROOT/tools/pulumi-cli" hash
  hash="$(cd "$src" && find go.mod go.sum language-* internal -type f -print0 | LC_ALL=C sort -z |
    xargs -0 sha256sum | sha256sum | cut -c1-12)"
  printf '%s/pulumi-cli/%s-%s\n' "$PULUMI_OVIRT_CACHE" "$PULUMI_CLI_VERSION" "$hash"
}

# A user's own CLI counts only when its Node.js host is there too (next to it or on PATH), and it
# is not one of our cached builds from an earlier checkout.
pulumi_user_cli_dir() {
  local bin dir cache
  bin="$(command -v pulumi 2>/dev/null)" || return 1
  dir="$(cd "$(dirname "$bin")" && pwd -P)"
  cache="$(cd "$PULUMI_OVIRT_CACHE" && pwd -P)"
  case "$dir" in "$cache"/*) return 1 ;; esac
  [ -x "$dir/pulumi-language-nodejs" ] || command -v pulumi-language-nodejs >/dev/null 2>&1 || return 1
  printf '%s\n' "$dir"
}

PULUMI_OVIRT_CLI_BIN="$(pulumi_cli_build_dir)/bin"
if [ "${PULUMI_OVIRT_OWN_CLI:-}" != "1" ] && pulumi_user_cli_dir >/dev/null; then
  PULUMI_OVIRT_CLI_SOURCE="user"
elif [ -x "$PULUMI_OVIRT_CLI_BIN/pulumi" ] && [ -x "$PULUMI_OVIRT_CLI_BIN/pulumi-language-nodejs" ]; then
  PULUMI_OVIRT_CLI_SOURCE="built"
  export PATH="$PULUMI_OVIRT_CLI_BIN:$PATH"
else
  PULUMI_OVIRT_CLI_SOURCE="missing"
fi
export PULUMI_OVIRT_CLI_SOURCE PULUMI_OVIRT_CLI_BIN

# The provider plugin is found through PATH (lookup order: Pulumi.yaml, PATH, plugin cache).
export PULUMI_OVIRT_PLUGIN_DIR="$REPO_ROOT/provider/bin"
export PATH="$PULUMI_OVIRT_PLUGIN_DIR:$REPO_ROOT/node_modules/.bin:$PATH"

export PULUMI_OVIRT_STATE_DIR="${PULUMI_OVIRT_STATE_DIR:-$PULUMI_OVIRT_CACHE/pulumi-state}"
export PULUMI_HOME="${PULUMI_HOME:-$PULUMI_OVIRT_CACHE/pulumi-home}"
mkdir -p "$PULUMI_OVIRT_STATE_DIR" "$PULUMI_HOME"
export PULUMI_BACKEND_URL="file://$PULUMI_OVIRT_STATE_DIR"
# Local stacks only: this protects demo and test stacks, not production secrets.
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-pulumi-ovirt-local}"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_DISABLE_REGISTRY_RESOLVE=true
export PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK=true
export PULUMI_DIY_BACKEND_NO_LEGACY_WARNING=true
# The file backend sends nothing anywhere; these keep the SDK's optional tracing off as well.
unset PULUMI_TRACING PULUMI_OTEL_EXPORTER_OTLP_ENDPOINT 2>/dev/null || true

pulumi_cli_available() {
  command -v pulumi >/dev/null 2>&1 && command -v pulumi-language-nodejs >/dev/null 2>&1
}

pulumi_require_cli() {
  pulumi_cli_available ||
    die "the Pulumi CLI is not set up: run 'bash scripts/setup/pulumi-cli.sh' (builds it once into $PULUMI_OVIRT_CACHE/pulumi-cli)"
}

pulumi_require_plugin() {
  [ -x "$PULUMI_OVIRT_PLUGIN_DIR/pulumi-resource-ovirt" ] ||
    die "the provider plugin $PULUMI_OVIRT_PLUGIN_DIR/pulumi-resource-ovirt is missing or not executable; Pulumi cannot run the ovirt package without it"
}

# Builds sdk/nodejs/bin when it is missing or older than the committed SDK sources.
pulumi_ensure_sdk_built() {
  local sdk="$REPO_ROOT/sdk/nodejs"
  if [ ! -f "$sdk/bin/index.js" ] ||
    [ -n "$(find "$sdk" -path "$sdk/bin" -prune -o -path "$sdk/node_modules" -prune -o \
      \( -name '*.ts' -o -name package.json \) -newer "$sdk/bin/index.js" -print -quit)" ]; then
    bash "$REPO_ROOT/scripts/gen-sdk.sh" --build-only
  fi
}

# Installs a program's npm dependencies from this checkout, with no registry: `pulumi-ovirt` is
# the built SDK (sdk/nodejs/bin) and @pulumi/pulumi resolves from the repository's node_modules
# (the same pinned version, so the program and the SDK share one copy). Outside this repository,
# `npm install` does the same from package.json.
pulumi_link_program_deps() {
  local dir="$1"
  pulumi_ensure_sdk_built
  mkdir -p "$dir/node_modules"
  ln -sfn "$(realpath --relative-to="$dir/node_modules" "$REPO_ROOT/sdk/nodejs/bin")" "$dir/node_modules/pulumi-ovirt"
}

# The Pulumi YAML language host, when scripts/setup/pulumi-yaml.sh has built it.
# shellcheck source=pulumi-yaml.sh
source "$(dirname "${BASH_SOURCE[0]}")/pulumi-yaml.sh"
