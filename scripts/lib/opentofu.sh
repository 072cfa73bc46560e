# Sourceable: where the project's OpenTofu CLI lives. scripts/setup/opentofu.sh builds it once per
# machine from the Go module proxy; the Terraform front end's tests run it by this absolute path and
# never pick up a `terraform` or `tofu` from PATH.
# After sourcing:
#   OPENTOFU_VERSION   the release built (v1.12.6)
#   OVIRT_TOFU_BIN     the path of the built `tofu` (it may not exist yet)

# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

OPENTOFU_VERSION="v1.12.6"

# Keyed by the release and a hash of the build script, so a changed build makes a fresh binary.
opentofu_build_dir() {
  local hash
  hash="$(sha256sum "$REPO_ROOT/scripts/setup/opentofu.sh" | cut -c1-12)"
  printf '%s/opentofu/%s-%s\n' "$PULUMI_OVIRT_CACHE" "$OPENTOFU_VERSION" "$hash"
}

OVIRT_TOFU_BIN="$(opentofu_build_dir)/bin/tofu"
export OPENTOFU_VERSION OVIRT_TOFU_BIN
