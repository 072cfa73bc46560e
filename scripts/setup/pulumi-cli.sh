#!/usr/bin/env bash
# Provides the real Pulumi CLI and the Node.js, Python and Go language hosts for the demo and the
# end-to-end tests.
# - A `pulumi` already on PATH with its `pulumi-language-nodejs` is used as it is.
# - Otherwise both are built from tools/pulumi-cli (Go module proxy, Go >= 1.25.11) once per machine
#   into $PULUMI_OVIRT_CACHE/pulumi-cli/<release>-<source hash>/bin, never into the repo.
#   A repeat run finds the build and exits at once.
# Without Go it warns loudly and builds nothing: the end-to-end tests then skip, never pass.
set -euo pipefail
source "$(dirname "$0")/../lib/pulumi.sh"

# The TypeScript SDK's build (tsc only, no CLI needed): programs and SDK tests load sdk/nodejs/bin.
pulumi_ensure_sdk_built

case "$PULUMI_OVIRT_CLI_SOURCE" in
  user)
    log "pulumi CLI: using $(command -v pulumi) ($(pulumi version 2>/dev/null || echo 'version unknown'))"
    exit 0 ;;
  built)
    log "pulumi CLI: $PULUMI_CLI_VERSION already built in $PULUMI_OVIRT_CLI_BIN"
    exit 0 ;;
esac

if ! command -v go >/dev/null 2>&1; then
  warn_loudly "Go is not installed, so the Pulumi CLI cannot be built; the demo cannot run and the end-to-end tests will be SKIPPED. Install Go >= 1.25.11 or put a pulumi CLI (with pulumi-language-nodejs) on PATH."
  exit 0
fi
# Pulumi's go.mod files say go 1.25.11; compare the version parts numerically.
if ! go_at_least 1.25.11; then
  warn_loudly "Go $GO_VERSION is too old to build Pulumi $PULUMI_CLI_VERSION (needs Go >= 1.25.11); the demo cannot run and the end-to-end tests will be SKIPPED."
  exit 0
fi

build_root="$(dirname "$PULUMI_OVIRT_CLI_BIN")"
staging="$build_root.partial.$$"
rm -rf "$staging"
mkdir -p "$staging/bin"
trap 'rm -rf "$staging"' EXIT

log "pulumi CLI: building $PULUMI_CLI_VERSION and the Node.js, Python and Go language hosts (first time only; several minutes)"
started=$SECONDS
build_log="$build_root.build.log"
build() (
  cd "$REPO_ROOT/tools/pulumi-cli"
  # The same flags as Pulumi's own release build; the version flag makes `pulumi version` and
  # plugin version checks behave as in a released CLI.
  # -v names each package as it is compiled: the progress lines show how far the build is.
  flags=(-v -trimpath -tags osusergo,grpcnotrace
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_CLI_VERSION")
  export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod" GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
  # Chained: `set -e` does not apply inside a function called as a condition.
  go build "${flags[@]}" -o "$staging/bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi &&
    go build "${flags[@]}" -o "$staging/bin/pulumi-language-nodejs" ./language-nodejs &&
    go build "${flags[@]}" -o "$staging/bin/pulumi-language-python" ./language-python &&
    go build "${flags[@]}" -o "$staging/bin/pulumi-language-go" ./language-go &&
    "$staging/bin/pulumi" version
)
if ! build_twice "$build_log" "pulumi CLI" build; then
  tail -n 30 "$build_log" >&2
  warn_loudly "building the Pulumi CLI failed (full log: $build_log); the demo cannot run and the end-to-end tests will be SKIPPED."
  exit 0
fi

publish_build "$staging/bin" "$PULUMI_OVIRT_CLI_BIN" pulumi
log "pulumi CLI: built in $((SECONDS - started))s into $PULUMI_OVIRT_CLI_BIN"
