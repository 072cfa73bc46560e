#!/usr/bin/env bash
# Provisions the official oVirt Python SDK (ovirt-engine-sdk-python from PyPI) and pytest in a
# virtualenv outside the repo, for the conformance suite in test/conformance.
# Idempotent: when the venv already imports the pinned SDK, it exits at once.
# Without root and without the build packages it warns loudly and leaves no venv; the suite is then
# reported as skipped by scripts/lib/conformance.sh, never as passed.
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"

SDK_VERSION="4.6.3"          # newest ovirt-engine-sdk-python on PyPI when this was written
PYTEST_SPEC="pytest>=8,<10"
VENV="$PULUMI_OVIRT_CACHE/python-venv"
STAMP="$VENV/.sdk-version"   # written last: its presence means the venv is complete
# The SDK compiles a libxml2 extension and depends on pycurl, built here against Debian's
# OpenSSL flavour of libcurl.
APT_PACKAGES=(gcc python3-dev python3-venv libcurl4-openssl-dev libssl-dev libxml2-dev)

warn_loudly() {
  printf '\n\033[1;33m!!! WARNING: %s\033[0m\n\n' "$*" >&2
}

# Fast path: a complete venv that imports the pinned SDK and pytest.
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$SDK_VERSION" ] &&
  "$VENV/bin/python" -c 'import ovirtsdk4, ovirtsdk4.xml, pycurl, pytest' 2>/dev/null; then
  log "python SDK: ovirt-engine-sdk-python $SDK_VERSION already installed in $VENV"
  exit 0
fi

# Debian's own interpreter matches python3-dev's headers and python3-venv; else whatever python3 is.
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON="$(command -v python3 || true)"
[ -n "$PYTHON" ] || die "python3 is needed for the conformance suite's oVirt Python SDK"

missing_apt_packages() {
  command -v dpkg-query >/dev/null || return 0
  local pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || echo "$pkg"
  done
}

mapfile -t missing < <(missing_apt_packages)
if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    warn_loudly "no apt-get: cannot install ${missing[*]} for the oVirt Python SDK; the conformance suite will be SKIPPED"
    rm -rf "$VENV"
    exit 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    warn_loudly "not root: cannot install ${missing[*]} for the oVirt Python SDK; the conformance suite will be SKIPPED (run as root, or install them yourself)"
    rm -rf "$VENV"
    exit 0
  fi
  log "python SDK: installing Debian packages ${missing[*]}"
  # The package lists may be empty or stale on a fresh machine; update only when something is missing.
  apt_get update -qq || die "apt-get update failed"
  apt_get install -y -qq --no-install-recommends "${missing[@]}" || die "apt-get install ${missing[*]} failed"
fi

log "python SDK: creating $VENV with ovirt-engine-sdk-python $SDK_VERSION and pytest"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV" || die "python3 -m venv failed (is python3-venv installed?)"
pip_install() {
  PYCURL_SSL_LIBRARY=openssl "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-input --use-pep517 "$@"
}
# pycurl from source so that it links to Debian's libcurl (OpenSSL) rather than a bundled one.
pip_log="$VENV.pip.log"
if ! with_progress "$pip_log" "python SDK: pip install" pip_install --no-binary pycurl "ovirt-engine-sdk-python==$SDK_VERSION" "$PYTEST_SPEC"; then
  tail -n 30 "$pip_log" >&2
  rm -rf "$VENV"
  if [ "$(id -u)" -ne 0 ]; then
    # Not root: the build headers may simply be missing on a system this script cannot inspect.
    warn_loudly "pip could not build ovirt-engine-sdk-python $SDK_VERSION (see above); the conformance suite will be SKIPPED"
    exit 0
  fi
  die "pip could not install ovirt-engine-sdk-python $SDK_VERSION (see the output above)"
fi
"$VENV/bin/python" -c 'import ovirtsdk4, ovirtsdk4.xml, pycurl, pytest' ||
  { rm -rf "$VENV"; die "the oVirt Python SDK was installed but does not import"; }

installed="$("$VENV/bin/python" -c 'import ovirtsdk4.version as v; print(v.VERSION)')"
[ "$installed" = "$SDK_VERSION" ] || warn_loudly "asked for SDK $SDK_VERSION, got $installed"
echo "$SDK_VERSION" >"$STAMP"
log "python SDK: ovirt-engine-sdk-python $installed, $("$VENV/bin/python" -c 'import pycurl; print(pycurl.version)')"
