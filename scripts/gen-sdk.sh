#!/usr/bin/env bash
# Regenerates the SDKs from schema.json with the real `pulumi package gen-sdk`: the TypeScript SDK
# (npm package `pulumi-ovirt`, compiled with tsc into sdk/nodejs/bin), the Python SDK (PyPI
# package `pulumi_ovirt`, sdk/python; scripts/dist-python.sh builds its wheel) and the Go SDK
# (module github.com/ovirt-vdi/pulumi-ovirt/sdk/go, package .../sdk/go/ovirt; its go.mod, go.sum and
# README.md are kept, the rest is generated).
#
#   bash scripts/gen-sdk.sh                 regenerate sdk/nodejs, sdk/python and sdk/go (commit them) and build nodejs
#   bash scripts/gen-sdk.sh --build-only    only compile the committed sdk/nodejs into sdk/nodejs/bin
#   bash scripts/gen-sdk.sh --out DIR [--language python|go]
#                                           generate one SDK (nodejs unless told) into DIR/ only, no
#                                           build; used by the staleness tests
#
# The generated files are committed unchanged; sdk/nodejs/bin (git-ignored) is the built package,
# with package.json copied in, as Pulumi's own providers publish theirs. Programs depend on it as
# "pulumi-ovirt": "file:../../sdk/nodejs/bin".
set -euo pipefail
source "$(dirname "$0")/lib/pulumi.sh"

SDK_DIR="$REPO_ROOT/sdk/nodejs"
mode="generate"
out="$SDK_DIR"
language="nodejs"
case "${1:-}" in
  "") ;;
  --build-only) mode="build" ;;
  --out)
    [ -n "${2:-}" ] || die "--out needs a directory"
    mode="out"
    out="$2"
    case "${3:-}" in
      "") ;;
      --language) [[ "${4:-}" =~ ^(nodejs|python|go)$ ]] || die "--language takes nodejs, python or go"; language="$4" ;;
      *) die "unknown argument '$3' after --out DIR (expected --language nodejs|python|go)" ;;
    esac ;;
  *) die "unknown argument '$1' (expected --build-only or --out DIR)" ;;
esac

# schema_for LANGUAGE DIR: the schema file gen-sdk reads. For Go it is schema.json with the Go
# settings of scripts/go-sdk-language.json (the import path) when schema.json has no `language.go`
# of its own yet; for the other languages schema.json itself.
schema_for() {
  local language="$1" dir="$2"
  if [ "$language" != go ]; then printf '%s\n' "$REPO_ROOT/schema.json"; return; fi
  node -e '
    const fs = require("node:fs");
    const [schemaPath, goPath, out] = process.argv.slice(1);
    const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
    schema.language = { ...schema.language, go: schema.language?.go ?? JSON.parse(fs.readFileSync(goPath, "utf8")) };
    fs.writeFileSync(out, JSON.stringify(schema, null, 2));
  ' "$REPO_ROOT/schema.json" "$REPO_ROOT/scripts/go-sdk-language.json" "$dir/schema.json"
  printf '%s\n' "$dir/schema.json"
}

# generate_into LANGUAGE DIR: the SDK for one language, replacing DIR's generated files (keeping
# build output, installed packages, and the Go module's own go.mod, go.sum and README.md).
generate_into() {
  local language="$1" dest="$2" tmp schema
  pulumi_require_cli
  command -v "pulumi-language-$language" >/dev/null ||
    die "pulumi-language-$language is not on PATH: run 'bash scripts/setup/pulumi-cli.sh'"
  tmp="$(mktemp -d)"
  schema="$(schema_for "$language" "$tmp")"
  # gen-sdk writes <dir>/<language>; it never needs the plugin because it reads the schema file.
  (cd "$REPO_ROOT" && pulumi package gen-sdk "$schema" --language "$language" -o "$tmp/out" >/dev/null) ||
    { rm -rf "$tmp"; die "pulumi package gen-sdk --language $language failed for schema.json (see the messages above)"; }
  mkdir -p "$dest"
  local keep=(! -name bin ! -name node_modules)
  [ "$language" = go ] && keep+=(! -name go.mod ! -name go.sum ! -name README.md)
  find "$dest" -mindepth 1 -maxdepth 1 "${keep[@]}" -exec rm -rf {} +
  cp -R "$tmp/out/$language/." "$dest/"
  rm -rf "$tmp"
}

build_sdk() {
  log "sdk: compiling sdk/nodejs with tsc into sdk/nodejs/bin"
  # Compiled beside bin/ and swapped in at the end, so a program or test never sees half a build.
  local staging="$SDK_DIR/bin.partial.$$"
  rm -rf "$staging"
  # typescript, @types/node and @pulumi/pulumi resolve from the repo's node_modules.
  (cd "$SDK_DIR" && "$REPO_ROOT/node_modules/.bin/tsc" -p tsconfig.json --outDir "$staging") ||
    { rm -rf "$staging"; die "the generated SDK does not compile (see tsc's messages above)"; }
  cp "$SDK_DIR/package.json" "$SDK_DIR/README.md" "$staging/"
  rm -rf "$SDK_DIR/bin"
  mv "$staging" "$SDK_DIR/bin"
}

case "$mode" in
  out) generate_into "$language" "$out" ;;
  build) build_sdk ;;
  generate)
    log "sdk: generating sdk/nodejs, sdk/python and sdk/go from schema.json with $(command -v pulumi)"
    generate_into nodejs "$SDK_DIR"
    generate_into python "$REPO_ROOT/sdk/python"
    generate_into go "$REPO_ROOT/sdk/go"
    build_sdk
    log "sdk: typed shapes (provider/shapes.generated.ts) and the CDK bindings (sdk/cdktn)"
    node --disable-warning=ExperimentalWarning "$REPO_ROOT/scripts/gen-shapes.ts"
    node --disable-warning=ExperimentalWarning "$REPO_ROOT/scripts/gen-cdktn.ts" ;;
esac
