#!/usr/bin/env bash
# Provisions the second conformance suite's client: go-ovirt-client (the library behind oVirt's own
# Terraform provider v2), fetched unchanged from the Go module proxy, with its own live test suite
# compiled into one test binary outside the repo. Nothing of it is committed.
# Idempotent: a binary built from the pinned version with this Go is reused at once.
# Without Go it warns loudly and builds nothing; scripts/lib/go-conformance.sh then counts the suite
# as skipped, never as passed.
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"
source "$(dirname "$0")/../lib/go-conformance.sh"

warn_loudly() {
  printf '\n\033[1;33m!!! WARNING: %s\033[0m\n\n' "$*" >&2
}

if ! command -v go >/dev/null; then
  warn_loudly "no Go on PATH: go-ovirt-client $GO_OVIRT_CLIENT_VERSION cannot be built; its conformance suite will be SKIPPED"
  exit 0
fi

dir="$(go_conformance_dir)"
stamp="$dir/.built-with"
want="$GO_OVIRT_CLIENT_MODULE@$GO_OVIRT_CLIENT_VERSION $(go env GOVERSION)"
if [ -x "$dir/client.test" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  log "go-ovirt-client: $GO_OVIRT_CLIENT_VERSION test binary already built in $dir"
  exit 0
fi

started=$SECONDS
log "go-ovirt-client: fetching $GO_OVIRT_CLIENT_MODULE@$GO_OVIRT_CLIENT_VERSION from the Go module proxy"
rm -rf "$dir"
mkdir -p "$dir"
# `go mod download` needs no module of its own; it prints where the unpacked module lies.
module_dir="$(cd "$dir" && GOFLAGS=-mod=mod go mod download -json "$GO_OVIRT_CLIENT_MODULE@$GO_OVIRT_CLIENT_VERSION" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);if(j.Error){console.error(j.Error);process.exit(1)}console.log(j.Dir)})')" ||
  die "go mod download $GO_OVIRT_CLIENT_MODULE@$GO_OVIRT_CLIENT_VERSION failed"
# The module cache is read-only; the tests write nothing, but a private copy keeps them away from it.
cp -r "$module_dir" "$dir/src"
chmod -R u+w "$dir/src"

log "go-ovirt-client: compiling its test suite (downloads its dependencies; a few minutes on 2 CPUs)"
(cd "$dir/src" && go test -c -o "$dir/client.test.tmp" .) || { rm -rf "$dir"; die "go test -c of go-ovirt-client failed"; }
mv "$dir/client.test.tmp" "$dir/client.test"
echo "$want" >"$stamp"
log "go-ovirt-client: built in $((SECONDS - started)) s ($(cd "$dir/src" && ./../client.test -test.list '.*' -client=live | grep -c '^[A-Z]') tests and examples)"
