# Sourceable: the virtualenv that runs this project's Python programs and SDK tests. It holds the
# Pulumi Python SDK (PyPI `pulumi`), pytest and the generated `pulumi_ovirt` SDK from sdk/python,
# and lives in the cache, never in the repo. scripts/setup/pulumi-python.sh creates it.
#
# After sourcing:
#   PULUMI_OVIRT_PY_VENV        the virtualenv's directory (keyed by the pinned requirements below)
#   pulumi_python_ready         returns 0 when the venv is complete and holds the current sdk/python
#   pulumi_python_refresh_sdk   reinstalls sdk/python into the venv when it changed (offline, seconds)
#   pulumi_python_sdk_hash      a hash of sdk/python's files, recorded in the venv at install time
#   pulumi_python_build_wheel DIR      builds sdk/python's wheel into DIR and prints its path

# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# The release matching the project's Pulumi CLI and npm @pulumi/pulumi.
# parver is a dependency of the generated SDK (its version handling); setuptools and wheel build it.
PULUMI_PY_REQUIREMENTS=("pulumi==3.259.0" "parver>=0.5,<1" "pytest>=8,<10" "setuptools>=70,<81" "wheel>=0.43,<1")

pulumi_python_venv_dir() {
  local key
  key="$(printf '%s\n' "${PULUMI_PY_REQUIREMENTS[@]}" | sha256sum | cut -c1-12)"
  printf '%s/pulumi-python/venv-%s\n' "$PULUMI_OVIRT_CACHE" "$key"
}
PULUMI_OVIRT_PY_VENV="$(pulumi_python_venv_dir)"
export PULUMI_OVIRT_PY_VENV

pulumi_python_sdk_hash() {
  (cd "$REPO_ROOT/sdk/python" && find . -type f ! -path '*/__pycache__/*' ! -name '*.pyc' -print0 |
    LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)
}

# The base venv (interpreter and requirements) is complete: its stamp is written last.
pulumi_python_venv_complete() {
  [ -f "$PULUMI_OVIRT_PY_VENV/.complete" ] && [ -x "$PULUMI_OVIRT_PY_VENV/bin/python" ]
}

pulumi_python_ready() {
  pulumi_python_venv_complete &&
    [ "$(cat "$PULUMI_OVIRT_PY_VENV/.sdk-hash" 2>/dev/null)" = "$(pulumi_python_sdk_hash)" ]
}

# pulumi_python_build_wheel OUTDIR: builds sdk/python's wheel into OUTDIR with the venv's own
# setuptools (no build isolation, no package index) and prints its path.
# The generated pyproject.toml names a top-level README.md that the generator writes inside the
# package (pulumi_ovirt/README.md); Pulumi's own providers copy it up before they build, as this
# does, in a copy, because setuptools also writes build/ and *.egg-info/ next to the sources.
pulumi_python_build_wheel() {
  local out="$1" tree wheel
  pulumi_python_venv_complete || { echo "the Python virtualenv is not set up: run scripts/setup/pulumi-python.sh" >&2; return 1; }
  tree="$(mktemp -d)"
  cp -R "$REPO_ROOT/sdk/python/." "$tree/"
  cp "$REPO_ROOT/sdk/python/pulumi_ovirt/README.md" "$tree/README.md"
  mkdir -p "$out"
  if ! PIP_DISABLE_PIP_VERSION_CHECK=1 "$PULUMI_OVIRT_PY_VENV/bin/python" -m pip wheel --quiet --no-input \
    --no-deps --no-build-isolation --no-index --wheel-dir "$tree/dist" "$tree" >&2; then
    rm -rf "$tree"
    return 1
  fi
  wheel="$(find "$tree/dist" -name 'pulumi_ovirt-*.whl' -print -quit)"
  [ -n "$wheel" ] || { rm -rf "$tree"; echo "pip wheel wrote no pulumi_ovirt wheel" >&2; return 1; }
  cp "$wheel" "$out/"
  rm -rf "$tree"
  printf '%s\n' "$out/$(basename "$wheel")"
}

# Installs the committed sdk/python into the venv from its wheel, as a user's pip would install the
# released one; offline, a few seconds, and only when sdk/python changed.
pulumi_python_refresh_sdk() {
  pulumi_python_venv_complete || return 1
  pulumi_python_ready && return 0
  # Test files probe in parallel: one installs, the others wait and then find it current.
  (
    command -v flock >/dev/null && flock 9
    pulumi_python_install_sdk
  ) 9>"$PULUMI_OVIRT_PY_VENV/.sdk-lock"
}

pulumi_python_install_sdk() {
  pulumi_python_ready && return 0
  local hash out wheel
  hash="$(pulumi_python_sdk_hash)"
  out="$(mktemp -d)"
  wheel="$(pulumi_python_build_wheel "$out")" &&
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$PULUMI_OVIRT_PY_VENV/bin/python" -m pip install --quiet --no-input \
      --no-deps --no-index --force-reinstall "$wheel" ||
    { rm -rf "$out"; return 1; }
  rm -rf "$out"
  echo "$hash" >"$PULUMI_OVIRT_PY_VENV/.sdk-hash"
}
