#!/usr/bin/env bash
# A throw-away PostgreSQL 15 server for the tests, in folder DIR:
#   scripts/test-postgres.sh start DIR   makes a cluster in DIR listening on 127.0.0.1 only, on the first
#                                        free port from 54329 (and on a socket in DIR), with the role `laqa`
#                                        (a password made up here; it may create databases and roles), and
#                                        prints the connection string the tests read from LAQA_TEST_POSTGRES
#   scripts/test-postgres.sh stop DIR    stops it and removes DIR
# PostgreSQL refuses to run as root: as root the server runs as the `postgres` user of the Debian package.
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL 15 is not installed (Debian package postgresql-15)" >&2; exit 1; }
[ $# -eq 2 ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
dir=$(realpath -m "$2")
# From inside DIR, so that the server's user never needs to enter the caller's folder.
as_server() { (cd "$dir" && if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi); }

case "$1" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    port=54329
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    as_server sh -c "umask 077; printf '%s' '$password' > pwfile"
    as_server "$bin/initdb" -D "$dir/data" -U laqa --pwfile="$dir/pwfile" --auth-local=scram-sha-256 --auth-host=scram-sha-256 >"$dir/initdb.log"
    as_server rm pwfile
    # fsync off: a test server's data need not survive a power cut.
    as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c fsync=off" start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=laqa;Password=$password;Database=postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && as_server "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
