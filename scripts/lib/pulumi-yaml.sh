# Sourced by scripts/lib/pulumi.sh: the Pulumi YAML language host (`runtime: yaml` programs), built
# by scripts/setup/pulumi-yaml.sh from tools/pulumi-yaml into the cache, and put on PATH when built.
#   PULUMI_YAML_VERSION          the pulumi-yaml release tools/pulumi-yaml/go.mod pins
#   PULUMI_OVIRT_YAML_BIN        where our build lives
#   PULUMI_OVIRT_YAML_SOURCE     "built", "user" (a pulumi-language-yaml already on PATH) or "missing"
#   pulumi_yaml_available        returns 0 when `pulumi-language-yaml` can be run

PULUMI_YAML_VERSION="$(awk '$1 == "github.com/pulumi/pulumi-yaml" { print $2 }' "$REPO_ROOT/tools/pulumi-yaml/go.mod")"

# Keyed by a hash of the wrapper module, so a version bump in go.mod builds afresh.
pulumi_yaml_build_dir() {
  local hash
  hash="$(cd "$REPO_ROOT/tools/pulumi-yaml" && cat go.mod go.sum | sha256sum | cut -c1-12)"
  printf '%s/pulumi-yaml/%s-%s\n' "$PULUMI_OVIRT_CACHE" "$PULUMI_YAML_VERSION" "$hash"
}

PULUMI_OVIRT_YAML_BIN="$(pulumi_yaml_build_dir)/bin"
if [ -x "$PULUMI_OVIRT_YAML_BIN/pulumi-language-yaml" ]; then
  PULUMI_OVIRT_YAML_SOURCE="built"
  export PATH="$PULUMI_OVIRT_YAML_BIN:$PATH"
elif command -v pulumi-language-yaml >/dev/null 2>&1; then
  PULUMI_OVIRT_YAML_SOURCE="user"
else
  PULUMI_OVIRT_YAML_SOURCE="missing"
fi
export PULUMI_YAML_VERSION PULUMI_OVIRT_YAML_BIN PULUMI_OVIRT_YAML_SOURCE

pulumi_yaml_available() {
  command -v pulumi-language-yaml >/dev/null 2>&1
}
