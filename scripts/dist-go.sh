#!/usr/bin/env bash
# Builds the Go SDK's release artifact: pulumi-ovirt-sdk-go-<schema version>.tar.gz, the committed
# sdk/go module (go.mod, go.sum, the generated package ovirt/) under one top directory
# `pulumi-ovirt-sdk-go/`, for programs that use it before the module is published (README: "Go").
# Regenerate sdk/go first with scripts/gen-sdk.sh when schema.json changed.
#
#   bash scripts/dist-go.sh          write the archive into dist/
#   bash scripts/dist-go.sh DIR      write it into DIR instead (as `npm run dist` calls it)
# With DIST_VERSION set (by `npm run dist`), the SDK's version must be that one.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"

[ "$#" -le 1 ] || die "usage: scripts/dist-go.sh [DIR]"
out="${1:-$REPO_ROOT/dist}"
sdk="$REPO_ROOT/sdk/go"

version="$(node -p 'require(process.argv[1]).version' "$REPO_ROOT/schema.json")"
[ -z "${DIST_VERSION:-}" ] || [ "$DIST_VERSION" = "$version" ] ||
  die "the release is $DIST_VERSION but schema.json (and so sdk/go) says $version; bump schema.json's version and run scripts/gen-sdk.sh"
# The generated package names its plugin version (respectSchemaVersion); another one means it is stale.
grep -q "\"version\": \"$version\"" "$sdk/ovirt/pulumi-plugin.json" ||
  die "sdk/go/ovirt/pulumi-plugin.json does not say version $version: sdk/go is stale against schema.json; run scripts/gen-sdk.sh"

mkdir -p "$out"
archive="$out/pulumi-ovirt-sdk-go-$version.tar.gz"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/pulumi-ovirt-sdk-go"
# Only what the module needs: tracked sources, never a local build or editor file.
(cd "$sdk" && cp -R go.mod go.sum README.md ovirt "$stage/pulumi-ovirt-sdk-go/")
# Reproducible: sorted names, fixed owner and time, no gzip timestamp.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$stage" -cf - pulumi-ovirt-sdk-go | gzip -n > "$archive"
log "dist: $archive"
