#!/usr/bin/env bash
# A throwaway PostgreSQL for the REST conformance run on a real server.
#
#   test/support/postgres.sh start   installs PostgreSQL with apt if missing,
#                                    starts a private cluster on 127.0.0.1,
#                                    creates a database, and prints
#                                    DATABASE_URL=postgres://... on stdout
#   test/support/postgres.sh stop    stops that cluster and removes it
#
# The cluster lives in $DEALKIT_PG_DIR (default /tmp/dealkit-postgres), listens
# on $DEALKIT_PG_PORT (default 54329) on loopback only, trusts local
# connections, and runs as a non-root user (postgres when started by root, as
# PostgreSQL refuses to run as root). Progress goes to stderr, so
#   eval "$(test/support/postgres.sh start)"
# sets DATABASE_URL in the calling shell.
set -euo pipefail

DIR="${DEALKIT_PG_DIR:-/tmp/dealkit-postgres}"
PORT="${DEALKIT_PG_PORT:-54329}"
DATABASE="${DEALKIT_PG_DATABASE:-dealkit_test}"

log() { printf '%s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The newest installed server binaries (Debian keeps them out of PATH).
pg_bin() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$found" ] && command -v pg_ctl >/dev/null 2>&1; then found="$(dirname "$(command -v pg_ctl)")"; fi
  printf '%s' "$found"
}

# Runs a command as the cluster's owner: postgres when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin
  bin="$(pg_bin)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    log "Installing PostgreSQL with apt..."
    as_root apt-get update -qq >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bin="$(pg_bin)"
  fi
  # The Debian package starts its own cluster on 5432; ours is separate and needs nothing from it.

  if [ -f "$DIR/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    log "PostgreSQL already running in $DIR"
  else
    rm -rf "$DIR"
    mkdir -p "$DIR"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$DIR"; fi
    as_owner "$bin/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    as_owner "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >&2
  fi

  if ! as_owner "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" | grep -q 1; then
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DATABASE"
  fi
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, database $DATABASE"
  printf 'DATABASE_URL=postgres://postgres@127.0.0.1:%s/%s\n' "$PORT" "$DATABASE"
}

stop() {
  local bin
  bin="$(pg_bin)"
  if [ -n "$bin" ] && [ -d "$DIR/data" ]; then
    as_owner "$bin/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$DIR"
  log "PostgreSQL in $DIR stopped and removed"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    log "usage: $0 start|stop"
    exit 2
    ;;
esac
