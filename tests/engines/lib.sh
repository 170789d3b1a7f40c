# lib.sh: what the engine tests share (sourced, not run).
# shellcheck shell=bash disable=SC2034
#
# Connection settings come from the file tests/engines/servers.sh wrote
# (MIGC_ENGINES_ENV).  Every test makes its own databases, fresh, with names
# that carry the test's name and PID, so tests run in parallel on one server.
# Dialects are migc's names: postgresql, mysql (MariaDB here), sqlite.

ENGINES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SKIP=77

die() { echo "FATAL: $*" >&2; exit 1; }

# load_engines: reads the settings file MIGC_ENGINES_ENV names (ctest sets it
# to build/tests/engines/engines.env).
load_engines() {
    local f=${MIGC_ENGINES_ENV:-}
    [ -n "$f" ] && [ -f "$f" ] || die "no engines.env (MIGC_ENGINES_ENV='$f'): run the engines/setup test (servers.sh start) first"
    # shellcheck disable=SC1090
    . "$f"
    [ -n "${MIGC_ENGINE_WORK:-}" ] && mkdir -p "$MIGC_ENGINE_WORK"
    export PGOPTIONS='-c client_min_messages=warning'
}

# engine_status DIALECT: 0 when usable; otherwise prints the reason.
engine_status() {
    case $1 in
    postgresql) [ "${PG_STATUS:-}" = ok ] || { echo "${PG_REASON:-postgresql unavailable}"; return 1; } ;;
    mysql) [ "${MY_STATUS:-}" = ok ] || { echo "${MY_REASON:-mariadb unavailable}"; return 1; } ;;
    sqlite) [ "${SQLITE_STATUS:-}" = ok ] || { echo "${SQLITE_REASON:-sqlite3 unavailable}"; return 1; } ;;
    *) echo "unknown dialect $1"; return 1 ;;
    esac
}

# Engines are required in CI: a missing one is a failure there, a skip here.
engines_required() {
    case "${MIGC_REQUIRE_ENGINES:-}" in 1|true|yes) return 0 ;; esac
    case "${CI:-}" in ""|0|false|no) return 1 ;; esac
    return 0
}

# ------------------------------------------------------------------ clients

pg_client() { # DB [psql args...]
    local db=$1; shift
    "$PG_BIN/psql" -h "$PG_SOCKDIR" -U postgres -d "$db" -v ON_ERROR_STOP=1 -X -q "$@"
}

my_client() { # DB [mariadb args...]  (DB '' for none)
    local db=$1; shift
    local dbarg=()
    [ -n "$db" ] && dbarg=(-D "$db")
    "${MY_CLIENT:-mariadb}" --no-defaults --socket="$MY_SOCK" -uroot --default-character-set=utf8mb4 "${dbarg[@]}" "$@"
}

sq_client() { # FILE [SQL]   (SQL from stdin when not given)
    "$SQLITE_BIN" -bail -batch -separator $'\t' -noheader "$@"
}

# db_new DIALECT NAME WORKDIR: a fresh, empty database; prints its handle
# (a database name, or a file for sqlite).  MariaDB databases default to a
# case-insensitive collation, as many servers do: the tables must bring
# their own (utf8mb4_bin), and the catalog checks that they do.
db_new() {
    local d=$1 name=$2 work=$3
    name=$(printf '%s' "$name" | tr -c 'a-zA-Z0-9_' '_' | cut -c1-50)_$$
    case $d in
    postgresql)
        pg_client postgres -c "DROP DATABASE IF EXISTS \"$name\"" -c "CREATE DATABASE \"$name\" TEMPLATE template0 ENCODING 'UTF8'" >/dev/null || return 1 ;;
    mysql)
        my_client '' -e "DROP DATABASE IF EXISTS \`$name\`; CREATE DATABASE \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || return 1 ;;
    sqlite)
        name=$work/$name.sqlite3
        rm -f "$name" ;;
    esac
    echo "$name"
}

db_drop() { # DIALECT HANDLE
    case $1 in
    postgresql) pg_client postgres -c "DROP DATABASE IF EXISTS \"$2\" WITH (FORCE)" >/dev/null ;;
    mysql) my_client '' -e "DROP DATABASE IF EXISTS \`$2\`" ;;
    sqlite) rm -f "$2" ;;
    esac
}

# db_apply DIALECT HANDLE FILE: runs a SQL file, stopping at the first error
# (exit status non-zero, the engine's message on stderr).  SQLite runs with
# foreign keys on, as an application would.
db_apply() {
    local d=$1 db=$2 f=$3
    case $d in
    postgresql) pg_client "$db" -f "$f" >/dev/null ;;
    mysql) my_client "$db" <"$f" >/dev/null ;;
    sqlite) { echo 'PRAGMA foreign_keys=ON;'; cat "$f"; } | sq_client "$db" >/dev/null ;;
    esac
}

# db_query DIALECT HANDLE SQL: rows as tab-separated lines, no header.
db_query() {
    local d=$1 db=$2 q=$3
    case $d in
    postgresql) pg_client "$db" -A -t -F $'\t' -c "$q" ;;
    mysql) my_client "$db" -N -B -e "$q" ;;
    sqlite) sq_client "$db" "$q" ;;
    esac
}

# ---------------------------------------------------------------- names

qident() { # DIALECT NAME: the name quoted for the engine
    local d=$1 n=$2
    case $d in
    mysql) n=${n//\`/\`\`}; printf '`%s`' "$n" ;;
    *) n=${n//\"/\"\"}; printf '"%s"' "$n" ;;
    esac
}

qlit() { # DIALECT TEXT: a string literal
    local d=$1 s=$2
    s=${s//\'/\'\'}
    [ "$d" = mysql ] && s=${s//\\/\\\\}
    printf "'%s'" "$s"
}

# ---------------------------------------------------------------- catalog

# catalog DIALECT HANDLE [EXCLUDED_TABLE]: the engine's catalog lines.
catalog() {
    bash "$ENGINES_DIR/catalog_$1.sh" "$2" "${3:-}"
}

# table_exists DIALECT HANDLE TABLE
table_exists() {
    local d=$1 db=$2 t=$3 n
    case $d in
    postgresql) n=$(db_query "$d" "$db" "SELECT count(*) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'public' AND c.relname = $(qlit "$d" "$t")") ;;
    mysql) n=$(db_query "$d" "$db" "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = $(qlit "$d" "$t")") ;;
    sqlite) n=$(db_query "$d" "$db" "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = $(qlit "$d" "$t")") ;;
    esac
    [ "$n" = 1 ]
}

# db_versions DIALECT HANDLE VERSION_TABLE: the applied heads, one a line,
# sorted; nothing when the table is gone.
db_versions() {
    local d=$1 db=$2 vt=$3
    table_exists "$d" "$db" "$vt" || return 0
    db_query "$d" "$db" "SELECT version_num FROM $(qident "$d" "$vt")" | LC_ALL=C sort
}

# db_leftovers DIALECT HANDLE: every object a fully downgraded database
# should not have (tables, views, sequences, types, functions, extensions,
# triggers), one a line; nothing when the database is empty.
db_leftovers() {
    local d=$1 db=$2
    case $d in
    postgresql) db_query "$d" "$db" "
        SELECT 'relation ' || c.relkind::text || ' ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public'
        UNION ALL SELECT 'type ' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r', 'm', 'c') AND t.typrelid = 0
        UNION ALL SELECT 'function ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public'
        UNION ALL SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'" ;;
    mysql) db_query "$d" "$db" "
        SELECT CONCAT(LOWER(TABLE_TYPE), ' ', TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()
        UNION ALL SELECT CONCAT('routine ', ROUTINE_NAME) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()
        UNION ALL SELECT CONCAT('trigger ', TRIGGER_NAME) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()" ;;
    sqlite) db_query "$d" "$db" "SELECT type || ' ' || name FROM sqlite_schema" ;;
    esac
}

# table_names DIALECT HANDLE [EXCLUDED]: the tables, one a line, sorted.
table_names() {
    local d=$1 db=$2 ex
    ex=$(qlit "$d" "${3:-}")
    case $d in
    postgresql) db_query "$d" "$db" "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $ex" ;;
    mysql) db_query "$d" "$db" "SELECT TABLE_NAME FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> $ex" ;;
    sqlite) db_query "$d" "$db" "SELECT name FROM sqlite_schema WHERE type = 'table'
        AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name <> $ex" ;;
    esac | LC_ALL=C sort
}

# data_digests DIALECT HANDLE [EXCLUDED]: "TABLE ROWS MD5" for every table,
# where MD5 is of its rows as the engine's client prints them, sorted: equal
# digests, equal data.  One client call for all tables.
data_digests() {
    local d=$1 db=$2 t q tmp i=0 names=()
    mapfile -t names < <(table_names "$d" "$db" "${3:-}")
    [ ${#names[@]} -gt 0 ] || return 0
    tmp=$(mktemp -d)
    for t in "${names[@]}"; do
        q=$(qident "$d" "$t")
        echo "SELECT '@@migc-table@@', count(*) FROM $q;"
        if [ "$d" = postgresql ]; then echo "SELECT t::text FROM $q t;"; else echo "SELECT * FROM $q;"; fi
    done >"$tmp/sql"
    case $d in
    postgresql) pg_client "$db" -A -t -F $'\t' -f "$tmp/sql" ;;
    mysql) my_client "$db" -N -B <"$tmp/sql" ;;
    sqlite) sq_client "$db" <"$tmp/sql" ;;
    esac | awk -v dir="$tmp" '/^@@migc-table@@\t/ { n++; file = dir "/" n; printf "" > file; print $2 > (file ".count"); next }
                             { print > file }' || { rm -rf "$tmp"; return 1; }
    for t in "${names[@]}"; do
        i=$((i + 1))
        printf '%s %s %s\n' "$t" "$(cat "$tmp/$i.count")" "$(LC_ALL=C sort "$tmp/$i" | md5sum | cut -d' ' -f1)"
    done
    rm -rf "$tmp"
}

# version_table PROJECT: the version table migc.ini names (default migc_version).
version_table() {
    local v=''
    [ -f "$1/migc.ini" ] && v=$(sed -n 's/^[[:space:]]*version_table[[:space:]]*=[[:space:]]*\([^;[:space:]]*\).*/\1/p' "$1/migc.ini" | tail -n 1)
    echo "${v:-migc_version}"
}

# compare_catalog DIALECT HANDLE MIGC PROJECT VERSION_TABLE WHAT REV...: the
# engine's catalog against the model at REV... (none: base); prints a diff
# (- model, + engine) and fails when they differ.
compare_catalog() {
    local d=$1 db=$2 migc=$3 proj=$4 vt=$5 what=$6; shift 6
    local model engine revs=("$@")
    [ ${#revs[@]} -eq 0 ] && revs=(base)
    model=$("$migc" --color never -C "$proj" schema "${revs[@]}" --format catalog --dialect "$d" 2>&1) || {
        echo "  migc schema ${revs[*]} --format catalog --dialect $d failed:"; echo "$model" | sed 's/^/    /'; return 1; }
    engine=$(catalog "$d" "$db" "$vt") || { echo "  reading the $d catalog failed"; return 1; }
    if [ "$model" != "$engine" ]; then
        echo "  catalog differs $what (- model at ${revs[*]}, + $d):"
        diff <(echo "$model") <(echo "$engine") | sed -n 's/^</  -/p; s/^>/  +/p'
        return 1
    fi
    return 0
}

# revision_of FILE: "REV PARENT..." from a revision file's
# "-- Running upgrade P1, P2 -> REV: message" line.
revision_of() {
    sed -n 's/^-- Running upgrade \(.*\) -> \([^:]*\):.*/\2 \1/p' "$1" | head -n 1 | tr -d ','
}

# db_integrity DIALECT HANDLE: problems the engine knows of (SQLite: foreign
# keys that do not hold, a damaged file); nothing when all is well.
db_integrity() {
    case $1 in
    sqlite)
        db_query sqlite "$2" "PRAGMA foreign_key_check" | sed 's/^/foreign key violation: /'
        db_query sqlite "$2" "PRAGMA integrity_check" | grep -v '^ok$' ;;
    esac
    return 0
}

# digest_values DIGESTS: the "ROWS MD5" of every table with rows, sorted,
# without table names (so a renamed table still matches).
digest_values() {
    awk '$(NF-1) > 0 {print $(NF-1), $NF}' <<<"$1" | LC_ALL=C sort
}
