#!/usr/bin/env bash
# Regenerates both SDKs from schema.json with the real `pulumi package gen-sdk`: the TypeScript SDK
# (npm package `pulumi-ovirt`, compiled with tsc into sdk/nodejs/bin) and the Python SDK (PyPI
# package `pulumi_ovirt`, sdk/python; scripts/dist-python.sh builds its wheel).
#
#   bash scripts/gen-sdk.sh                 regenerate sdk/nodejs and sdk/python (commit both) and build nodejs
#   bash scripts/gen-sdk.sh --build-only    only compile the committed sdk/nodejs into sdk/nodejs/bin
#   bash scripts/gen-sdk.sh --out DIR [--language python]
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
      --language) [[ "${4:-}" =~ ^(nodejs|python)$ ]] || die "--language takes nodejs or python"; language="$4" ;;
      *) die "unknown argument '$3' after --out DIR (expected --language nodejs|python)" ;;
    esac ;;
  *) die "unknown argument '$1' (expected --build-only or --out DIR)" ;;
esac

# generate_into LANGUAGE DIR: the SDK for one language, replacing DIR's generated files.
generate_into() {
  local language="$1" dest="$2" tmp
  pulumi_require_cli
  command -v "pulumi-language-$language" >/dev/null ||
    die "pulumi-language-$language is not on PATH: run 'bash scripts/setup/pulumi-cli.sh'"
  tmp="$(mktemp -d)"
  # gen-sdk writes <dir>/<language>; it never needs the plugin because it reads the schema file.
  (cd "$REPO_ROOT" && pulumi package gen-sdk "$REPO_ROOT/schema.json" --language "$language" -o "$tmp" >/dev/null) ||
    { rm -rf "$tmp"; die "pulumi package gen-sdk --language $language failed for schema.json (see the messages above)"; }
  mkdir -p "$dest"
  # Replace the generated files, keeping the build output and installed packages.
  find "$dest" -mindepth 1 -maxdepth 1 ! -name bin ! -name node_modules -exec rm -rf {} +
  cp -R "$tmp/$language/." "$dest/"
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
    log "sdk: generating sdk/nodejs and sdk/python from schema.json with $(command -v pulumi)"
    generate_into nodejs "$SDK_DIR"
    generate_into python "$REPO_ROOT/sdk/python"
    build_sdk
    log "sdk: typed shapes (provider/shapes.generated.ts) and the CDK bindings (sdk/cdktn)"
    node --disable-warning=ExperimentalWarning "$REPO_ROOT/scripts/gen-shapes.ts"
    node --disable-warning=ExperimentalWarning "$REPO_ROOT/scripts/gen-cdktn.ts" ;;
esac
