# Shared by the project's scripts: where the repo is, where one-time builds are cached, and a
# PATH whose `node` is the project's own Node 24 (from the npm package `node`), not the machine's.
# Source it; it defines functions and exports, and runs nothing heavy by itself.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO_ROOT
# One-time builds (the Pulumi CLI, the Python SDK's virtualenv) live outside the repo, once per machine.
export PULUMI_OVIRT_CACHE="${PULUMI_OVIRT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-ovirt}"
mkdir -p "$PULUMI_OVIRT_CACHE"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# apt-get for the setup scripts: waits for apt's lock instead of failing, and retries a few times,
# since a mirror's passing hiccup should not turn into a failed (or skipped) test run.
apt_get() {
  local try
  for try in 1 2 3 4 5 6; do
    if DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 "$@"; then return 0; fi
    [ "$try" -lt 6 ] || break
    log "apt-get $1 failed (try $try), retrying in 10 s"
    sleep 10
  done
  return 1
}

# Installs the npm dependencies when package-lock.json changed since the last install.
ensure_node_modules() {
  local stamp="$REPO_ROOT/node_modules/.install-stamp"
  if [ ! -f "$stamp" ] || [ "$REPO_ROOT/package-lock.json" -nt "$stamp" ]; then
    command -v npm >/dev/null || die "npm is needed to bootstrap (any Node.js >= 18 with npm); install Node.js first"
    log "installing npm dependencies (this also provisions Node 24 from the npm registry)"
    (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$stamp"
  fi
  export PATH="$REPO_ROOT/node_modules/.bin:$PATH"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 22 ] || die "expected the project's Node 24 on PATH, found $(node --version)"
}

# Runs "$@" with its output in the file $1 (after the label $2) and prints a progress line every
# $PULUMI_OVIRT_PROGRESS_SECONDS (default 20) while it runs: one-time builds are otherwise silent
# for minutes. Returns the command's exit status.
with_progress() {
  local build_log="$1" label="$2" pid started=$SECONDS next
  shift 2
  "$@" >"$build_log" 2>&1 &
  pid=$!
  next=$((SECONDS + ${PULUMI_OVIRT_PROGRESS_SECONDS:-20}))
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if [ "$SECONDS" -ge "$next" ] && kill -0 "$pid" 2>/dev/null; then
      local lines latest
      lines="$(wc -l <"$build_log" | tr -d ' ')"
      latest="$(tail -n 1 "$build_log" | cut -c1-100)"
      log "$label: still running after $((SECONDS - started))s ($lines lines in $build_log${latest:+; latest: $latest})"
      next=$((SECONDS + ${PULUMI_OVIRT_PROGRESS_SECONDS:-20}))
    fi
  done
  wait "$pid"
}

# For a setup step that cannot provide its tool: the tests that need the tool then skip, loudly.
warn_loudly() {
  printf '\n\033[1;33m!!! WARNING: %s\033[0m\n\n' "$*" >&2
}

# True when the `go` on PATH is version $1 or newer; sets GO_VERSION (e.g. 1.26.8) for messages.
go_at_least() {
  GO_VERSION="$(go env GOVERSION | sed -E 's/^go//; s/[^0-9.].*$//')"
  printf '%s\n%s\n' "$1" "$GO_VERSION" | sort -C -V
}

# Runs a one-time build ("$@", usually a function) under with_progress, into the log $1, labelled
# $2 (e.g. "pulumi CLI"), and once more if it fails: Go's caches keep what the first try fetched
# and compiled, so a second costs little and rides out a module proxy's passing failure.
build_twice() {
  local build_log="$1" label="$2" attempt
  shift 2
  mkdir -p "$(dirname "$build_log")"
  for attempt in 1 2; do
    if with_progress "$build_log" "$label build (attempt $attempt)" "$@"; then return 0; fi
    [ "$attempt" -eq 2 ] || log "$label: build failed (log: $build_log), trying once more"
  done
  return 1
}

# Moves a finished build from its staging directory $1 to $2 in one step, so an interrupted build
# is never mistaken for a good one. When another run got there first, $2/$3 (the built
# executable) must be there.
publish_build() {
  mkdir -p "$(dirname "$2")"
  if ! mv -T "$1" "$2" 2>/dev/null; then
    [ -x "$2/$3" ] || die "could not move the build into $2"
  fi
}
