#!/usr/bin/env bash
# Builds the Python SDK's release artifact: dist/pulumi_ovirt-<schema version>-py3-none-any.whl,
# from the committed sdk/python (regenerate it first with scripts/gen-sdk.sh when schema.json
# changed). Offline: it builds with the setuptools of the project's Python virtualenv, which it
# sets up when missing (scripts/setup/pulumi-python.sh).
#
#   bash scripts/dist-python.sh          write the wheel into dist/
#   bash scripts/dist-python.sh DIR      write it into DIR instead (as `npm run dist` calls it)
# With DIST_VERSION set (by `npm run dist`), the wheel's version must be that one.
set -euo pipefail
source "$(dirname "$0")/lib/pulumi-python.sh"

[ "$#" -le 1 ] || die "usage: scripts/dist-python.sh [DIR]"
out="${1:-$REPO_ROOT/dist}"

pulumi_python_venv_complete || bash "$REPO_ROOT/scripts/setup/pulumi-python.sh"
pulumi_python_venv_complete || die "the Python virtualenv could not be set up (see the warning above); no wheel was built"

version="$(node -p 'require(process.argv[1]).version' "$REPO_ROOT/schema.json")"
[ -z "${DIST_VERSION:-}" ] || [ "$DIST_VERSION" = "$version" ] ||
  die "the release is $DIST_VERSION but schema.json (and so sdk/python) says $version; bump schema.json's version and run scripts/gen-sdk.sh"
expected="pulumi_ovirt-$version-py3-none-any.whl"
rm -f "$out/$expected"
wheel="$(pulumi_python_build_wheel "$out")" || die "building the pulumi_ovirt wheel failed (see pip's messages above)"
# sdk/python carries the schema's version (respectSchemaVersion); a different name means it is stale.
[ "$(basename "$wheel")" = "$expected" ] ||
  die "built $(basename "$wheel"), expected $expected: sdk/python is stale against schema.json; run scripts/gen-sdk.sh"
log "dist: $wheel"
