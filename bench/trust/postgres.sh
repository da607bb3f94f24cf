#!/usr/bin/env bash
# A throwaway PostgreSQL (Debian's packages) for bench/trust: start <dir> <port> | createdb <dir> <port> <name> | stop <dir>
# initdb refuses root, so the server runs as the postgres user; trust authentication on 127.0.0.1 only.
set -euo pipefail
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
cmd=$1
dir=${2:-/tmp/cw-trust-pg}
port=${3:-55432}
as_postgres() { runuser -u postgres -- "$@"; }
case "$cmd" in
  start)
    mkdir -p "$dir" && chown postgres "$dir"
    as_postgres "$BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 >/dev/null
    as_postgres "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    ;;
  createdb)
    as_postgres "$BIN/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "create database $4"
    ;;
  stop)
    as_postgres "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|createdb|stop <dir> <port> [name]" >&2; exit 2 ;;
esac
