#!/usr/bin/env bash
# shellcheck disable=SC2034,SC1090
# servers.sh start|stop|status STATE_DIR
#
# Starts (or stops) the database servers the engine tests own: a PostgreSQL
# cluster and a MariaDB server, each in STATE_DIR, reached through unix
# sockets only (no TCP port is opened, no system service is touched).
# `start` writes STATE_DIR/engines.env, which the tests source:
#
#   PG_STATUS=ok|skip  PG_REASON  PG_BIN  PG_SOCKDIR  PG_PID  PG_VERSION
#   MY_STATUS=ok|skip  MY_REASON  MY_SOCK  MY_PID  MY_VERSION  MY_CLIENT
#   SQLITE_STATUS=ok|skip  SQLITE_REASON  SQLITE_BIN  SQLITE_VERSION
#
# A server that cannot start is a failure (exit 1) when engines are
# required (CI=1/true or MIGC_REQUIRE_ENGINES=1); otherwise its tests skip
# with the reason recorded here.  `stop` ends each server by the PID it
# recorded (and only a process whose command line names STATE_DIR).
set -u
action=${1:-} state=${2:-}
[ -n "$action" ] && [ -n "$state" ] || { echo "usage: servers.sh start|stop|status STATE_DIR" >&2; exit 2; }
mkdir -p "$state" || exit 1
state=$(cd "$state" && pwd)
env_file=$state/engines.env

required() {
    case "${MIGC_REQUIRE_ENGINES:-}" in 1|true|yes) return 0 ;; esac
    case "${CI:-}" in ""|0|false|no) return 1 ;; esac
    return 0
}

log() { echo "servers: $*"; }

# ---------------------------------------------------------------- stopping

# The process still runs and is ours: its command line or working directory
# names the state directory (a recycled PID is left alone).
ours() { # PID BASE
    local pid=$1 base=${2:-$state}
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$base"
}

stop_pid() { # NAME PID SIGNAL BASE
    local name=$1 pid=$2 sig=$3 base=$4 i
    ours "$pid" "$base" || return 0
    log "stopping $name (pid $pid)"
    kill "-$sig" "$pid" 2>/dev/null
    for i in $(seq 1 300); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    log "$name (pid $pid) did not stop in 30 s: killing it"
    kill -KILL "$pid" 2>/dev/null
    sleep 0.5
}

stop_all() {
    local pg_pid='' pg_base='' my_pid='' my_base=''
    # read in a subshell: the file's variables must not leak into a new start
    [ -f "$env_file" ] && IFS='|' read -r pg_pid pg_base my_pid my_base < <(
        . "$env_file"; echo "${PG_PID:-}|${PG_BASE:-}|${MY_PID:-}|${MY_BASE:-}")
    # PostgreSQL: SIGINT is a fast shutdown; MariaDB: SIGTERM is a clean one
    stop_pid postgresql "$pg_pid" INT "${pg_base:-$state}"
    stop_pid mariadb "$my_pid" TERM "${my_base:-$state}"
    rm -f "$env_file"
    # directories made under /tmp when the build tree was out of reach
    local f
    for f in pg.base my.base; do
        [ -f "$state/$f" ] || continue
        case $(cat "$state/$f") in /tmp/migc-pg.*|/tmp/migc-my.*) rm -rf "$(cat "$state/$f")" ;; esac
        rm -f "$state/$f"
    done
}

# ------------------------------------------------------------- where to run

# A unix socket path holds at most 107 bytes: when the build tree is too deep
# the sockets go to a short directory under /tmp (recorded for `stop`).
socket_dir() {
    local want=$1
    if [ ${#want} -le 80 ]; then
        mkdir -p "$want" && echo "$want"
    else
        mktemp -d /tmp/migc-sock.XXXXXX
    fi
}

# As root the servers run as their own users (initdb and mariadbd refuse
# root); the directories are theirs.
as_user() { # USER CMD...
    local u=$1; shift
    if [ "$(id -u)" -eq 0 ]; then runuser -u "$u" -- "$@"; else "$@"; fi
}

give_to() { # USER DIR...
    local u=$1; shift
    [ "$(id -u)" -eq 0 ] && chown -R "$u:" "$@"
    return 0
}

# A user must be able to reach its data directory through every parent.
reachable_by() { # USER DIR
    [ "$(id -u)" -eq 0 ] || return 0
    runuser -u "$1" -- test -w "$2" 2>/dev/null
}

# --------------------------------------------------------------- postgresql

PG_STATUS=skip PG_REASON='' PG_BIN='' PG_SOCKDIR='' PG_PID='' PG_VERSION='' PG_BASE=''

pg_bin() {
    if [ -n "${MIGC_PG_BIN:-}" ]; then echo "$MIGC_PG_BIN"; return; fi
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$d" ] && [ -x "$d/postgres" ] && { echo "$d"; return; }
    d=$(dirname "$(command -v postgres 2>/dev/null || echo /nonexistent/x)")
    [ -x "$d/postgres" ] && echo "$d"
}

start_pg() {
    PG_BIN=$(pg_bin)
    if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
        PG_REASON="PostgreSQL server binaries not found (apt-get install postgresql)"
        return 1
    fi
    [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1 && { PG_REASON="running as root and there is no postgres user"; return 1; }
    PG_BASE=$state/pg
    rm -rf "$PG_BASE" && mkdir -p "$PG_BASE" && chmod 700 "$PG_BASE" || { PG_REASON="cannot create $PG_BASE"; return 1; }
    give_to postgres "$PG_BASE"
    if ! reachable_by postgres "$PG_BASE"; then
        # the build tree is not open to the postgres user: use /tmp
        rm -rf "$PG_BASE"
        PG_BASE=$(mktemp -d /tmp/migc-pg.XXXXXX) && give_to postgres "$PG_BASE"
        echo "$PG_BASE" >"$state/pg.base"
    fi
    PG_SOCKDIR=$(socket_dir "$PG_BASE/sock") && give_to postgres "$PG_SOCKDIR"
    if ! as_user postgres "$PG_BIN/initdb" -D "$PG_BASE/data" -A trust -U postgres -E UTF8 --no-locale \
            --no-sync >"$PG_BASE/initdb.log" 2>&1; then
        PG_REASON="initdb failed: $(tail -n 3 "$PG_BASE/initdb.log" | tr '\n' ' ')"
        return 1
    fi
    if ! as_user postgres "$PG_BIN/pg_ctl" -D "$PG_BASE/data" -l "$PG_BASE/server.log" -w -t 60 \
            -o "-k '$PG_SOCKDIR' -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40" \
            start >"$PG_BASE/pg_ctl.log" 2>&1 </dev/null; then
        PG_REASON="postgres did not start: $(tail -n 3 "$PG_BASE/server.log" 2>/dev/null | tr '\n' ' ')"
        PG_PID=$(head -n 1 "$PG_BASE/data/postmaster.pid" 2>/dev/null)
        return 1
    fi
    PG_PID=$(head -n 1 "$PG_BASE/data/postmaster.pid")
    local i
    for i in $(seq 1 100); do
        "$PG_BIN/pg_isready" -q -h "$PG_SOCKDIR" -U postgres && break
        sleep 0.1
    done
    "$PG_BIN/pg_isready" -q -h "$PG_SOCKDIR" -U postgres || { PG_REASON="pg_isready never succeeded"; return 1; }
    PG_VERSION=$("$PG_BIN/psql" -h "$PG_SOCKDIR" -U postgres -X -A -t -c 'SHOW server_version' postgres 2>/dev/null)
    PG_STATUS=ok
}

# ------------------------------------------------------------------ mariadb

MY_STATUS=skip MY_REASON='' MY_SOCK='' MY_PID='' MY_VERSION='' MY_BASE='' MY_CLIENT=''

start_my() {
    local server install admin client
    server=$(command -v mariadbd || ls /usr/sbin/mariadbd 2>/dev/null || command -v mysqld)
    install=$(command -v mariadb-install-db || command -v mysql_install_db)
    admin=$(command -v mariadb-admin || command -v mysqladmin)
    client=$(command -v mariadb || command -v mysql)
    if [ -z "$server" ] || [ -z "$install" ] || [ -z "$admin" ] || [ -z "$client" ]; then
        MY_REASON="MariaDB server or client not found (apt-get install mariadb-server mariadb-client)"
        return 1
    fi
    [ "$(id -u)" -eq 0 ] && ! id mysql >/dev/null 2>&1 && { MY_REASON="running as root and there is no mysql user"; return 1; }
    MY_BASE=$state/my
    rm -rf "$MY_BASE" && mkdir -p "$MY_BASE/data" "$MY_BASE/tmp" || { MY_REASON="cannot create $MY_BASE"; return 1; }
    give_to mysql "$MY_BASE"
    if ! reachable_by mysql "$MY_BASE/data"; then
        rm -rf "$MY_BASE"
        MY_BASE=$(mktemp -d /tmp/migc-my.XXXXXX) && mkdir -p "$MY_BASE/data" "$MY_BASE/tmp" && give_to mysql "$MY_BASE"
        echo "$MY_BASE" >"$state/my.base"
    fi
    local sockdir user=()
    sockdir=$(socket_dir "$MY_BASE/sock") && give_to mysql "$sockdir"
    MY_SOCK=$sockdir/mysqld.sock
    [ "$(id -u)" -eq 0 ] && user=(--user=mysql)
    if ! "$install" --no-defaults --datadir="$MY_BASE/data" "${user[@]}" --auth-root-authentication-method=normal \
            --skip-test-db >"$MY_BASE/install.log" 2>&1 </dev/null; then
        MY_REASON="mariadb-install-db failed: $(tail -n 3 "$MY_BASE/install.log" | tr '\n' ' ')"
        return 1
    fi
    # setsid: the server outlives this script, in a session of its own
    setsid "$server" --no-defaults --datadir="$MY_BASE/data" --socket="$MY_SOCK" --pid-file="$MY_BASE/mariadbd.pid" \
        --skip-networking "${user[@]}" --tmpdir="$MY_BASE/tmp" --log-error="$MY_BASE/server.log" \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_bin --innodb-flush-log-at-trx-commit=0 \
        --skip-log-bin --innodb-buffer-pool-size=64M --max-connections=40 \
        >/dev/null 2>&1 </dev/null &
    MY_PID=$!
    local i
    for i in $(seq 1 300); do
        "$admin" --no-defaults --socket="$MY_SOCK" -uroot ping >/dev/null 2>&1 && break
        kill -0 "$MY_PID" 2>/dev/null || break
        sleep 0.1
    done
    if ! "$admin" --no-defaults --socket="$MY_SOCK" -uroot ping >/dev/null 2>&1; then
        MY_REASON="mariadbd did not start: $(tail -n 3 "$MY_BASE/server.log" 2>/dev/null | tr '\n' ' ')"
        return 1
    fi
    MY_CLIENT=$client
    MY_VERSION=$("$client" --no-defaults --socket="$MY_SOCK" -uroot -N -B -e 'SELECT VERSION()' 2>/dev/null)
    MY_STATUS=ok
}

# ------------------------------------------------------------------- sqlite

SQLITE_STATUS=skip SQLITE_REASON='' SQLITE_BIN='' SQLITE_VERSION=''

find_sqlite() {
    SQLITE_BIN=$(command -v sqlite3)
    if [ -z "$SQLITE_BIN" ]; then
        SQLITE_REASON="the sqlite3 command line shell is not installed (apt-get install sqlite3)"
        return 1
    fi
    SQLITE_VERSION=$("$SQLITE_BIN" -version | cut -d' ' -f1)
    SQLITE_STATUS=ok
}

# -------------------------------------------------------------------- main

write_env() {
    local v
    {
        echo "# written by tests/engines/servers.sh start; sourced by the engine tests"
        for v in PG_STATUS PG_REASON PG_BIN PG_SOCKDIR PG_PID PG_VERSION PG_BASE \
                 MY_STATUS MY_REASON MY_SOCK MY_PID MY_VERSION MY_BASE MY_CLIENT \
                 SQLITE_STATUS SQLITE_REASON SQLITE_BIN SQLITE_VERSION; do
            printf '%s=%q\n' "$v" "${!v}"
        done
    } >"$env_file.tmp" && mv "$env_file.tmp" "$env_file"
}

case $action in
start)
    stop_all # whatever a killed earlier run left behind
    # interrupted (ctest's timeout, ^C): stop what was started so far
    trap 'write_env; stop_all; exit 1' INT TERM
    rm -rf "$state/work"
    mkdir -p "$state/work" "$state/results"
    start_pg || true
    start_my || true
    find_sqlite || true
    write_env
    failed=0
    for e in PG:postgresql MY:mariadb SQLITE:sqlite; do
        st=${e%%:*}_STATUS rs=${e%%:*}_REASON name=${e#*:}
        if [ "${!st}" = ok ]; then
            case $name in
            postgresql) log "postgresql $PG_VERSION: pid $PG_PID, socket in $PG_SOCKDIR" ;;
            mariadb) log "mariadb $MY_VERSION: pid $MY_PID, socket $MY_SOCK" ;;
            sqlite) log "sqlite $SQLITE_VERSION: $SQLITE_BIN" ;;
            esac
        elif required; then
            log "ERROR: $name is required (CI / MIGC_REQUIRE_ENGINES) but unavailable: ${!rs}"
            failed=1
            case $name in
            postgresql) logs=("$PG_BASE/initdb.log" "$PG_BASE/pg_ctl.log" "$PG_BASE/server.log") ;;
            mariadb) logs=("$MY_BASE/install.log" "$MY_BASE/server.log") ;;
            *) logs=() ;;
            esac
            for f in "${logs[@]}"; do
                [ -n "$f" ] && [ -s "$f" ] && { echo "---- $f"; tail -n 20 "$f"; }
            done
        else
            log "SKIP: $name unavailable, its engine tests will be skipped: ${!rs}"
        fi
    done
    if [ $failed -ne 0 ]; then
        stop_all
        exit 1
    fi
    exit 0 ;;
stop)
    stop_all
    exit 0 ;;
status)
    [ -f "$env_file" ] && cat "$env_file"
    exit 0 ;;
*)
    echo "usage: servers.sh start|stop|status STATE_DIR" >&2
    exit 2 ;;
esac
