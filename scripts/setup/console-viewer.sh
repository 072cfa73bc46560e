#!/usr/bin/env bash
# The real console client for test/console (issue 25): Debian's remote-viewer (package virt-viewer),
# a headless X server for it (xvfb), and netpbm to turn the X server's framebuffer dump into a PNG
# screenshot. Idempotent: a repeat run only checks dpkg. Without root or apt-get it warns loudly
# and exits 0; the real-viewer tests then report themselves as SKIPPED.
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"

PACKAGES=(virt-viewer xvfb netpbm)

skip() {
  warn_loudly "console viewer NOT set up: $*; the real remote-viewer tests (test/console) will be SKIPPED"
  exit 0
}

main() {
  [ "$(id -u)" -eq 0 ] || skip "not running as root (installing virt-viewer and xvfb needs root)"
  command -v apt-get >/dev/null || skip "apt-get not found (this setup knows Debian/Ubuntu only)"
  local missing=() pkg
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    log "console viewer: ready ($(remote-viewer --version 2>/dev/null | head -n 1))"
    return 0
  fi
  log "console viewer: installing ${missing[*]}"
  apt_get update -qq || skip "apt-get update failed"
  local apt_log="$PULUMI_OVIRT_CACHE/console-viewer-apt.log"
  with_progress "$apt_log" "console viewer: apt-get install" apt_get install -y -qq --no-install-recommends "${missing[@]}" ||
    { tail -n 30 "$apt_log" >&2; skip "apt-get install ${missing[*]} failed (log: $apt_log)"; }
  log "console viewer: ready ($(remote-viewer --version 2>/dev/null | head -n 1))"
}

main "$@"
