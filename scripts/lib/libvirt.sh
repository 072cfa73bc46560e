# Helpers for the libvirt/QEMU test host (see scripts/setup/libvirt-host.sh). Source after env.sh.
# The setup records which daemons it started in a state file, so that only those are ever stopped:
# a libvirtd the machine already ran is left alone.

LIBVIRT_STATE_DIR="${PULUMI_OVIRT_CACHE:?source scripts/lib/env.sh first}/libvirt"
LIBVIRT_STARTED_FILE="$LIBVIRT_STATE_DIR/started-daemons"
# Where the test SPICE TLS certificates live (ca-cert.pem, server-cert.pem, server-key.pem).
LIBVIRT_SPICE_TLS_DIR="$LIBVIRT_STATE_DIR/spice-tls"
export LIBVIRT_STATE_DIR LIBVIRT_STARTED_FILE LIBVIRT_SPICE_TLS_DIR

# Prints the pid of a running daemon by its exact process name, or nothing. Reads /proc directly:
# minimal images lack pgrep (procps).
libvirt_daemon_pid() {
  local comm name
  for comm in /proc/[0-9]*/comm; do
    read -r name 2>/dev/null <"$comm" || continue
    if [ "$name" = "$1" ]; then
      comm="${comm%/comm}"
      echo "${comm#/proc/}"
      return 0
    fi
  done
  return 0
}

# Remembers that this project started the daemon with the given name and pid.
libvirt_record_started_daemon() {
  mkdir -p "$LIBVIRT_STATE_DIR"
  printf '%s %s\n' "$1" "$2" >>"$LIBVIRT_STARTED_FILE"
}

# Whether the daemon running under this name was started by this project.
libvirt_daemon_is_ours() {
  local name="$1" pid
  pid="$(libvirt_daemon_pid "$name")"
  [ -n "$pid" ] && [ -f "$LIBVIRT_STARTED_FILE" ] && grep -qx "$name $pid" "$LIBVIRT_STARTED_FILE"
}

# Stops only the daemons recorded as started by this project (libvirtd first, then virtlogd),
# each by its pid, and forgets them. Daemons that are already gone are skipped.
libvirt_stop_started_daemons() {
  [ -f "$LIBVIRT_STARTED_FILE" ] || return 0
  local name pid wanted
  for wanted in libvirtd virtlogd; do
    while read -r name pid; do
      [ "$name" = "$wanted" ] || continue
      # Only signal the pid if it still is that daemon (pids get reused).
      if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
          [ -d "/proc/$pid" ] || break
          sleep 0.1
        done
      fi
    done <"$LIBVIRT_STARTED_FILE"
  done
  rm -f "$LIBVIRT_STARTED_FILE"
}

# Destroys every running domain whose name starts with the given prefix (test leftovers).
libvirt_destroy_domains_with_prefix() {
  local prefix="$1" uri="${2:-qemu:///system}" domain
  command -v virsh >/dev/null || return 0
  virsh -c "$uri" list --name 2>/dev/null | while read -r domain; do
    case "$domain" in
      "$prefix"*) virsh -c "$uri" destroy "$domain" >/dev/null 2>&1 || true ;;
    esac
  done
}
