#!/usr/bin/env bash
# Provisions the virtualenv for the project's Python programs and the Python SDK's tests: the Pulumi
# Python SDK from PyPI (`pulumi==3.259.0`, the release of the project's CLI), pytest, and the
# generated SDK from sdk/python. It lives in $PULUMI_OVIRT_CACHE/pulumi-python, never in the repo.
# Idempotent: a complete venv is reused and only sdk/python is reinstalled when it changed.
# Without a usable python3 (>= 3.10 with venv) it warns loudly and builds nothing: the Python
# suites then skip, never pass.
set -euo pipefail
source "$(dirname "$0")/../lib/pulumi-python.sh"

warn_loudly() {
  printf '\n\033[1;33m!!! WARNING: %s\033[0m\n\n' "$*" >&2
}

if pulumi_python_ready; then
  log "pulumi python: $PULUMI_OVIRT_PY_VENV is complete"
  exit 0
fi

if ! pulumi_python_venv_complete; then
  # The Pulumi Python SDK needs Python 3.10 or newer, and a venv module with ensurepip.
  python=""
  for candidate in "$(command -v python3 || true)" /usr/bin/python3; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    if "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
      python="$candidate"
      break
    fi
  done
  if [ -z "$python" ]; then
    warn_loudly "no python3 >= 3.10 with the venv module; the Python SDK tests and the Python example will be SKIPPED (install python3 and python3-venv)"
    exit 0
  fi

  log "pulumi python: creating $PULUMI_OVIRT_PY_VENV with ${PULUMI_PY_REQUIREMENTS[*]} ($("$python" --version))"
  started=$SECONDS
  mkdir -p "$(dirname "$PULUMI_OVIRT_PY_VENV")"
  # Built at its final path (a venv's scripts name their interpreter by absolute path), then
  # marked complete; a half-made venv is removed first.
  rm -rf "$PULUMI_OVIRT_PY_VENV"
  "$python" -m venv "$PULUMI_OVIRT_PY_VENV" || die "$python -m venv failed"
  installed=false
  for attempt in 1 2; do
    if PIP_DISABLE_PIP_VERSION_CHECK=1 "$PULUMI_OVIRT_PY_VENV/bin/python" -m pip install --quiet --no-input \
      "${PULUMI_PY_REQUIREMENTS[@]}"; then
      installed=true
      break
    fi
    [ "$attempt" -eq 2 ] || log "pulumi python: pip install failed, trying once more"
  done
  if ! $installed; then
    rm -rf "$PULUMI_OVIRT_PY_VENV"
    warn_loudly "pip could not install ${PULUMI_PY_REQUIREMENTS[*]} (see above); the Python SDK tests and the Python example will be SKIPPED"
    exit 0
  fi
  touch "$PULUMI_OVIRT_PY_VENV/.complete"
  log "pulumi python: requirements installed in $((SECONDS - started))s"
fi

log "pulumi python: installing sdk/python (pulumi_ovirt) into the venv"
pulumi_python_refresh_sdk || die "pip could not install sdk/python into $PULUMI_OVIRT_PY_VENV (see above)"
log "pulumi python: $("$PULUMI_OVIRT_PY_VENV/bin/python" -c 'import importlib.metadata as m; print("pulumi", m.version("pulumi"), "and pulumi_ovirt", m.version("pulumi_ovirt"))')"
