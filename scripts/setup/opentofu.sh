#!/usr/bin/env bash
# Builds the real OpenTofu CLI (v1.12.6) once per machine, for the Terraform front end's end-to-end
# tests, the CDK example and the demo. The binary goes to $PULUMI_OVIRT_CACHE/opentofu/<release>-<hash>/bin/tofu,
# never into the repo; a repeat run finds it and exits at once.
#
# `go install github.com/opentofu/opentofu/cmd/tofu@v1.12.6` is refused because OpenTofu's go.mod has
# a replace directive (its fork of hcl/v2). So the build uses a wrapper module made from upstream's
# own go.mod and go.sum (same requires, godebug settings and replace) that requires OpenTofu itself.
# Without Go (>= 1.26.6, OpenTofu's go directive) it warns loudly and builds nothing: those tests then skip.
set -euo pipefail
source "$(dirname "$0")/../lib/opentofu.sh"

warn_loudly() {
  printf '\n\033[1;33m!!! WARNING: %s\033[0m\n\n' "$*" >&2
}

if [ -x "$OVIRT_TOFU_BIN" ]; then
  log "OpenTofu: $OPENTOFU_VERSION already built in $OVIRT_TOFU_BIN"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  warn_loudly "Go is not installed, so OpenTofu cannot be built; the Terraform/OpenTofu and CDK tests will be SKIPPED. Install Go >= 1.26.6."
  exit 0
fi
go_version="$(go env GOVERSION | sed -E 's/^go//; s/[^0-9.].*$//')"
if ! printf '1.26.6\n%s\n' "$go_version" | sort -C -V; then
  warn_loudly "Go $go_version is too old to build OpenTofu $OPENTOFU_VERSION (needs Go >= 1.26.6); the Terraform/OpenTofu and CDK tests will be SKIPPED."
  exit 0
fi

build_root="$(dirname "$(dirname "$OVIRT_TOFU_BIN")")"
staging="$build_root.partial.$$"
build_log="$build_root.build.log"
rm -rf "$staging"
mkdir -p "$staging/module" "$staging/bin"
ticker=""
cleanup() {
  [ -z "$ticker" ] || kill "$ticker" 2>/dev/null || true
  rm -rf "$staging"
}
trap cleanup EXIT

export GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod" GOTOOLCHAIN="${GOTOOLCHAIN:-local}"

# The wrapper module: upstream's go.mod renamed, minus its `tool` block (developer tools we do not
# build), plus a requirement on OpenTofu itself.
make_wrapper_module() {
  local upstream
  upstream="$(go mod download -json "github.com/opentofu/opentofu@$OPENTOFU_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -f "$upstream/go.mod" ] || return 1
  sed -e 's#^module github.com/opentofu/opentofu$#module pulumi-ovirt.local/opentofu-cli#' -e '/^tool (/,/^)/d' \
    "$upstream/go.mod" >"$staging/module/go.mod"
  cp "$upstream/go.sum" "$staging/module/go.sum"
  chmod u+w "$staging/module/go.mod" "$staging/module/go.sum"
  printf '\nrequire github.com/opentofu/opentofu %s\n' "$OPENTOFU_VERSION" >>"$staging/module/go.mod"
}

build() (
  cd "$staging/module"
  # -v lists each package as it is compiled: the progress ticker counts those lines.
  go build -v -trimpath -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" \
    -o "$staging/bin/tofu" github.com/opentofu/opentofu/cmd/tofu &&
    TF_CLI_CONFIG_FILE=/dev/null "$staging/bin/tofu" version
)

# A progress line every 30 s while Go downloads and compiles (a cold build takes minutes).
progress() {
  local started=$SECONDS
  while sleep 30; do
    log "OpenTofu: still building ($((SECONDS - started)) s, $(grep -c . "$build_log" 2>/dev/null || echo 0) packages and downloads so far)"
  done
}

log "OpenTofu: building $OPENTOFU_VERSION from the Go module proxy (first time only; minutes on a cold machine; log: $build_log)"
started=$SECONDS
mkdir -p "$(dirname "$build_log")"
: >"$build_log"
progress &
ticker=$!
built=false
for attempt in 1 2; do
  if make_wrapper_module >>"$build_log" 2>&1 && build >>"$build_log" 2>&1; then
    built=true
    break
  fi
  [ "$attempt" -eq 2 ] || log "OpenTofu: build failed (log: $build_log), trying once more"
done
kill "$ticker" 2>/dev/null || true
ticker=""
if ! $built; then
  tail -n 30 "$build_log" >&2
  warn_loudly "building OpenTofu failed (full log: $build_log); the Terraform/OpenTofu and CDK tests will be SKIPPED."
  exit 0
fi

# Publish in one step, so an interrupted build is never mistaken for a good one.
mkdir -p "$build_root"
if ! mv -T "$staging/bin" "$(dirname "$OVIRT_TOFU_BIN")" 2>/dev/null; then
  [ -x "$OVIRT_TOFU_BIN" ] || die "could not move the build into $(dirname "$OVIRT_TOFU_BIN")"
fi
log "OpenTofu: built in $((SECONDS - started)) s into $OVIRT_TOFU_BIN ($(TF_CLI_CONFIG_FILE=/dev/null "$OVIRT_TOFU_BIN" version | head -n1))"
