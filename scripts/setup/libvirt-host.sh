#!/usr/bin/env bash
# Test host for the domain-XML proof (issue 5): libvirt and QEMU from Debian packages, the system
# user and groups libvirt expects, SPICE TLS with test certificates (the engine's mode="secure"
# channels need it), and virtlogd + libvirtd running. Idempotent; a repeat run takes about a second.
# Where it cannot run (not root, no apt-get), it warns loudly and exits 0: the libvirt tests then
# report themselves as skipped. Stop the daemons it started with libvirt_stop_started_daemons.
set -euo pipefail
source "$(dirname "$0")/../lib/env.sh"
source "$(dirname "$0")/../lib/libvirt.sh"

warn_and_skip() {
  printf '\033[1;33m!!! libvirt test host NOT set up: %s\n!!! the libvirt/QEMU tests will be SKIPPED.\033[0m\n' "$*" >&2
  exit 0
}

# ovmf: UEFI firmware with Secure Boot (OVMF_CODE_4M.secboot.fd and the Microsoft-keyed vars), and
# swtpm + swtpm-tools (swtpm_setup): the emulated TPM 2.0 that libvirt starts beside QEMU. Together they
# let the tests start a Windows-11-shaped preview (issue 24).
PACKAGES=(libvirt-clients libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86 qemu-utils libxml2-utils openssl
  ovmf swtpm swtpm-tools)
QEMU_CONF=/etc/libvirt/qemu.conf
CONF_BEGIN="# BEGIN pulumi-ovirt test host (scripts/setup/libvirt-host.sh)"
CONF_END="# END pulumi-ovirt test host"

install_packages() {
  local missing=() pkg
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "libvirt host: installing ${missing[*]}"
  apt_get update -qq || warn_and_skip "apt-get update failed"
  local apt_log="$PULUMI_OVIRT_CACHE/libvirt-apt.log"
  with_progress "$apt_log" "libvirt host: apt-get install" apt_get install -y -qq --no-install-recommends "${missing[@]}" ||
    { tail -n 30 "$apt_log" >&2; warn_and_skip "apt-get install ${missing[*]} failed (log: $apt_log)"; }
}

# The user and groups that the libvirt-daemon-system package would normally create.
create_system_accounts() {
  local group
  for group in kvm libvirt-qemu libvirt; do
    getent group "$group" >/dev/null || groupadd --system "$group"
  done
  getent passwd libvirt-qemu >/dev/null ||
    useradd --system --no-create-home --home-dir /var/lib/libvirt --shell /usr/sbin/nologin -g kvm -G libvirt-qemu libvirt-qemu
}

create_runtime_dirs() {
  # qemu/nvram holds each UEFI domain's copy of the firmware variables; swtpm keeps TPM state and logs
  # under swtpm/ (libvirt makes the per-domain folders, not these parents).
  mkdir -p /var/log/libvirt/qemu /var/log/swtpm/libvirt/qemu /var/run/libvirt /var/lib/libvirt/qemu/channels \
    /var/lib/libvirt/qemu/nvram /var/lib/libvirt/swtpm /var/cache/libvirt/qemu "$LIBVIRT_STATE_DIR"
}

# A CA and a server certificate for SPICE TLS, made once; QEMU reads them as root.
generate_spice_certificates() {
  local dir="$LIBVIRT_SPICE_TLS_DIR"
  [ -s "$dir/ca-cert.pem" ] && [ -s "$dir/server-cert.pem" ] && [ -s "$dir/server-key.pem" ] && return 0
  command -v openssl >/dev/null || warn_and_skip "openssl is needed to make the SPICE TLS certificates"
  log "libvirt host: generating SPICE TLS test certificates in $dir"
  local work
  work="$(mktemp -d)"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=pulumi-ovirt test SPICE CA" \
    -keyout "$work/ca-key.pem" -out "$work/ca-cert.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
    -keyout "$work/server-key.pem" -out "$work/server.csr" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$work/san.ext"
  openssl x509 -req -in "$work/server.csr" -CA "$work/ca-cert.pem" -CAkey "$work/ca-key.pem" -CAcreateserial \
    -days 3650 -extfile "$work/san.ext" -out "$work/server-cert.pem" 2>/dev/null
  mkdir -p "$dir"
  install -m 0644 "$work/ca-cert.pem" "$work/server-cert.pem" "$dir/"
  install -m 0600 "$work/server-key.pem" "$dir/"
  rm -rf "$work"
}

# Writes our settings into qemu.conf as one marked block, replacing the same keys elsewhere.
# Prints "changed" when the file changed (a running daemon of ours then needs a restart).
configure_qemu() {
  local block keys='user|group|spice_tls|spice_tls_x509_cert_dir'
  block="$(printf '%s\n%s\n%s\n%s\n%s\n%s\n' "$CONF_BEGIN" \
    '# QEMU runs as root: it can open /dev/kvm and libvirt does not re-probe QEMU on every call.' \
    'user = "root"' 'group = "root"' 'spice_tls = 1' "spice_tls_x509_cert_dir = \"$LIBVIRT_SPICE_TLS_DIR\"")"
  block="$block"$'\n'"$CONF_END"
  local current=""
  [ -f "$QEMU_CONF" ] && current="$(cat "$QEMU_CONF")"
  # Everything outside our block, with the keys we own commented out.
  local others
  others="$(printf '%s\n' "$current" |
    awk -v begin="$CONF_BEGIN" -v end="$CONF_END" '$0 == begin { skip = 1 } !skip { print } $0 == end { skip = 0 }' |
    sed -E "s/^[[:space:]]*($keys)[[:space:]]*=/# (pulumi-ovirt) &/")"
  local wanted
  wanted="$(printf '%s\n%s' "$others" "$block" | sed '/./,$!d')"
  if [ "$wanted" != "$current" ]; then
    mkdir -p "$(dirname "$QEMU_CONF")"
    [ -f "$QEMU_CONF" ] && [ ! -f "$QEMU_CONF.pulumi-ovirt.orig" ] && cp "$QEMU_CONF" "$QEMU_CONF.pulumi-ovirt.orig"
    printf '%s\n' "$wanted" >"$QEMU_CONF"
    echo changed
  fi
}

start_daemon() {
  local name="$1" pid
  pid="$(libvirt_daemon_pid "$name")"
  [ -n "$pid" ] && return 0
  log "libvirt host: starting $name"
  "$name" -d
  for _ in $(seq 1 50); do
    pid="$(libvirt_daemon_pid "$name")"
    [ -n "$pid" ] && break
    sleep 0.1
  done
  [ -n "$pid" ] || warn_and_skip "$name did not start"
  libvirt_record_started_daemon "$name" "$pid"
}

wait_for_libvirtd() {
  for _ in $(seq 1 100); do
    virsh -c qemu:///system version >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  warn_and_skip "libvirtd does not answer on qemu:///system"
}

main() {
  [ "$(id -u)" -eq 0 ] || warn_and_skip "not running as root (installing packages and starting libvirtd need root)"
  command -v apt-get >/dev/null || warn_and_skip "apt-get not found (this setup knows Debian/Ubuntu only)"
  install_packages
  create_system_accounts
  create_runtime_dirs
  generate_spice_certificates
  local changed
  changed="$(configure_qemu)"
  if [ -n "$changed" ] && [ -n "$(libvirt_daemon_pid libvirtd)" ]; then
    if libvirt_daemon_is_ours libvirtd; then
      log "libvirt host: qemu.conf changed, restarting the libvirtd this project started"
      kill "$(libvirt_daemon_pid libvirtd)"
      for _ in $(seq 1 50); do [ -z "$(libvirt_daemon_pid libvirtd)" ] && break; sleep 0.1; done
    else
      printf '\033[1;33m!!! qemu.conf changed but libvirtd was not started by this project: restart it yourself for SPICE TLS.\033[0m\n' >&2
    fi
  fi
  start_daemon virtlogd
  start_daemon libvirtd
  wait_for_libvirtd
  log "libvirt host: ready ($(virsh -c qemu:///system version --daemon 2>/dev/null | grep -i 'running hypervisor' | sed 's/.*: *//'))"
}

main "$@"
