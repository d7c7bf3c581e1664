#!/usr/bin/env bash
# A throw-away PostgreSQL 15 server for the tests: `start` makes a cluster in a temporary folder, listening
# on 127.0.0.1:PORT only (LAQA_TEST_PGPORT, default 54329) with a role `laqa` (password made up here,
# may create databases and roles), and prints the connection string for LAQA_TEST_POSTGRES; `stop` ends it
# and removes the folder. The server refuses to run as root: as root it runs as the `postgres` user.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
[ -n "$bin" ] || { echo "PostgreSQL 15 is not installed (Debian package postgresql)" >&2; exit 1; }
port=${LAQA_TEST_PGPORT:-54329}
dir=${LAQA_TEST_PGDIR:-/tmp/laqa-test-postgres-$port}
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    [ -d "$dir" ] && "$0" stop
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    as_server sh -c "umask 077; printf '%s' '$password' > '$dir/pwfile'"
    as_server "$bin/initdb" -D "$dir/data" -U laqa --pwfile="$dir/pwfile" --auth-local=scram-sha-256 --auth-host=scram-sha-256 >"$dir/initdb.log"
    as_server rm "$dir/pwfile"
    as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c fsync=off" start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=laqa;Password=$password;Database=postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && as_server "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
