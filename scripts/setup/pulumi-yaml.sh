#!/usr/bin/env bash
# Provides `pulumi-language-yaml`, the language host that runs Pulumi YAML programs
# (`runtime: yaml`, e.g. examples/vdi-pool-yaml), for the YAML end-to-end test.
# - Built from tools/pulumi-yaml (Go module proxy, Go >= 1.25.11) once per machine into
#   $PULUMI_OVIRT_CACHE/pulumi-yaml/<release>-<go.mod hash>/bin, never into the repo; a repeat run
#   finds the build and exits at once. Runs after pulumi-cli.sh, whose Go caches it mostly reuses.
# - A pulumi-language-yaml already on PATH is used as it is.
# Without Go it warns loudly and builds nothing: the YAML test then skips, never passes.
set -euo pipefail
source "$(dirname "$0")/../lib/pulumi.sh"

case "$PULUMI_OVIRT_YAML_SOURCE" in
  built)
    log "pulumi YAML: $PULUMI_YAML_VERSION already built in $PULUMI_OVIRT_YAML_BIN"
    exit 0 ;;
  user)
    log "pulumi YAML: using $(command -v pulumi-language-yaml)"
    exit 0 ;;
esac

if ! command -v go >/dev/null 2>&1; then
  warn_loudly "Go is not installed, so pulumi-language-yaml cannot be built; the Pulumi YAML end-to-end test will be SKIPPED."
  exit 0
fi
if ! go_at_least 1.25.11; then
  warn_loudly "Go $GO_VERSION is too old to build pulumi-yaml $PULUMI_YAML_VERSION (needs Go >= 1.25.11); the Pulumi YAML end-to-end test will be SKIPPED."
  exit 0
fi

build_root="$(dirname "$PULUMI_OVIRT_YAML_BIN")"
staging="$build_root.partial.$$"
rm -rf "$staging"
mkdir -p "$staging/bin"
trap 'rm -rf "$staging"' EXIT
build_log="$build_root.build.log"

log "pulumi YAML: building pulumi-language-yaml $PULUMI_YAML_VERSION (first time only; about 2 minutes after the CLI build)"
started=$SECONDS
build() (
  cd "$REPO_ROOT/tools/pulumi-yaml"
  export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod" GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
  # -v names each package as it is compiled, for the progress lines; the version is what the
  # host reports to `pulumi about` and the engine, as in pulumi-yaml's own release build.
  go build -v -trimpath -o "$staging/bin/pulumi-language-yaml" \
    -ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=${PULUMI_YAML_VERSION#v}" \
    github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
)
if ! build_twice "$build_log" "pulumi YAML" build; then
  tail -n 30 "$build_log" >&2
  warn_loudly "building pulumi-language-yaml failed (full log: $build_log); the Pulumi YAML end-to-end test will be SKIPPED."
  exit 0
fi

publish_build "$staging/bin" "$PULUMI_OVIRT_YAML_BIN" pulumi-language-yaml
log "pulumi YAML: built in $((SECONDS - started))s into $PULUMI_OVIRT_YAML_BIN"
