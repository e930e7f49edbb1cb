#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the store contract tests (docs/postgres.md).
#
#   scripts/postgres-test-cluster.sh start   # create (once) and start; prints the admin URL
#   scripts/postgres-test-cluster.sh url     # prints the admin URL of the running cluster
#   scripts/postgres-test-cluster.sh status  # exit 0 when running
#   scripts/postgres-test-cluster.sh restart [SECONDS]
#                                            # stop (fast: sessions are cut, as in a crash or failover),
#                                            # stay down SECONDS (default 0), start again on the same data
#   scripts/postgres-test-cluster.sh stop    # stop and delete everything it created
#
#   ONEGATE_TEST_POSTGRES=$(scripts/postgres-test-cluster.sh url) \
#       swift test --filter OneGateStoreTests
#
# Uses Debian's PostgreSQL (apt-get install -y postgresql). The cluster lives in a temporary
# folder owned by the `postgres` user because initdb refuses to run as root; it listens on
# 127.0.0.1 only, trusts loopback connections (it holds test data only) and keeps fsync on so
# that the tests exercise real commits.
#
# Environment: ONEGATE_PG_DIR (state folder, default $TMPDIR/onegate-pg-test),
#              ONEGATE_PG_PORT (first port to try, default 55432).
set -euo pipefail

state="${ONEGATE_PG_DIR:-${TMPDIR:-/tmp}/onegate-pg-test}"
data="$state/data"
first_port="${ONEGATE_PG_PORT:-55432}"

fail() { echo "postgres-test-cluster: $*" >&2; exit 1; }

bin_dir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z "$found" ]]; then
        if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
            echo "postgres-test-cluster: installing PostgreSQL with apt-get" >&2
            DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
            found=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
        else
            fail "PostgreSQL is not installed (apt-get install -y postgresql)"
        fi
    fi
    echo "$found"
}

# Runs a command as the owner of the cluster: `postgres` when we are root, ourselves otherwise.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# The server runs on after this script ends, so it must not keep the caller's descriptors: a caller
# that waits for this script's output or exit (Foundation's Process watches a socket it hands the
# child) would otherwise wait as long as the server runs. 255 is bash's own copy of the script.
close_inherited_descriptors() {
    local fd
    for fd in /proc/$$/fd/*; do
        fd=${fd##*/}
        if (( fd > 2 && fd != 255 )); then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
}

port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

url() {
    [[ -f "$state/port" ]] || fail "no cluster; run: $0 start"
    echo "postgres://postgres@127.0.0.1:$(cat "$state/port")/postgres"
}

running() {
    [[ -f "$data/PG_VERSION" ]] || return 1
    as_owner "$(bin_dir)/pg_ctl" -D "$data" status >/dev/null 2>&1
}

create() {
    local bin port
    bin=$(bin_dir)
    port="$first_port"
    while ! port_is_free "$port"; do
        port=$((port + 1))
        (( port < first_port + 100 )) || fail "no free port from $first_port"
    done
    mkdir -p "$state"
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$state"; fi
    chmod 700 "$state"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        --no-instructions >"$state/initdb.log" 2>&1 || { cat "$state/initdb.log" >&2; fail "initdb failed"; }
    # Loopback only, trusted; no other host may connect.
    as_owner tee "$data/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
    as_owner tee -a "$data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$state'
fsync = on
synchronous_commit = on
max_connections = 300
shared_buffers = 64MB
EOF
    echo "$port" | as_owner tee "$state/port" >/dev/null
}

start() {
    if running; then url; return; fi
    [[ -f "$data/PG_VERSION" ]] || create
    as_owner "$(bin_dir)/pg_ctl" -D "$data" -l "$state/server.log" -w -t 60 start >/dev/null \
        || { tail -n 20 "$state/server.log" >&2; fail "the server did not start"; }
    url
}

restart() {
    local down="${1:-0}"
    [[ "$down" =~ ^[0-9]+$ ]] || fail "restart takes a whole number of seconds"
    running || fail "the cluster is not running; run: $0 start"
    as_owner "$(bin_dir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    sleep "$down"
    as_owner "$(bin_dir)/pg_ctl" -D "$data" -l "$state/server.log" -w -t 60 start >/dev/null \
        || { tail -n 20 "$state/server.log" >&2; fail "the server did not start again"; }
}

stop() {
    if running; then
        as_owner "$(bin_dir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    fi
    rm -rf "$state"
}

case "${1:-}" in
    start) close_inherited_descriptors; start ;;
    stop) stop ;;
    url) running || fail "the cluster is not running; run: $0 start"; url ;;
    status) running ;;
    restart) close_inherited_descriptors; restart "${2:-0}" ;;
    *) echo "usage: $0 start|stop|url|status|restart [SECONDS]" >&2; exit 2 ;;
esac
