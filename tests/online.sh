#!/usr/bin/env bash
# online.sh MIGC: the online commands on an embedded SQLite file
# (tests/online/): upgrade, current, downgrade and stamp with --db, and
# --version-table; a failing migration is located at its operation and
# rolled back, leaving the database as it was.
set -uo pipefail
migc=$1
src=$(cd "$(dirname "$0")/online" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
ok() { echo "ok   $*"; }

# expect WHAT WANT_STATUS WANT_TEXT -- COMMAND...: the exit status, and
# WANT_TEXT somewhere in stdout and stderr
expect() {
    local what=$1 want=$2 text=$3 out status
    shift 4
    out=$("$@" 2>&1)
    status=$?
    if [ "$status" != "$want" ]; then fail "$what: exit $status, expected $want"; echo "$out" | head -5 | sed 's/^/    /'
    elif ! grep -qF -- "$text" <<<"$out"; then fail "$what: no '$text' in:"; echo "$out" | head -5 | sed 's/^/    /'
    else ok "$what"; fi
}

schema_of() { sqlite3 "$1" "SELECT type || ' ' || name FROM sqlite_schema ORDER BY 1" | tr '\n' ' '; }

cp -r "$src/project" "$src/duplicate" "$src/dangling" "$src/bad_sql" "$tmp/"
p=$tmp/project db=$tmp/project.db
m() { "$migc" --color never -C "$p" "$@"; }

expect "upgrade heads" 0 "upgraded c1" -- m upgrade heads --db "$db"
expect "current at the head" 0 "c1 (head)" -- m current --db "$db"
[ "$(sqlite3 "$db" "SELECT email FROM users")" = ann@example.com ] && ok "rows kept through the rebuild" ||
    fail "users lost its row"
expect "downgrade one step" 0 "downgraded c1" -- m downgrade -1 --db "$db"
expect "current after it" 0 "b1" -- m current --db "$db"
expect "downgrade to base" 0 "downgraded a1" -- m downgrade base --db "$db"
left=$(schema_of "$db")
[ -z "$left" ] && ok "base: nothing left" || fail "base: left $left"
expect "stamp" 0 "" -- m stamp b1 --db "$db"
expect "current after stamp" 0 "b1" -- m current --db "$db"
expect "--sql and --db together" 2 "not both" -- m upgrade heads --sql --db "$db"

# another version table for one run
db2=$tmp/alembic.db
expect "upgrade --version-table" 0 "upgraded c1" -- m upgrade heads --db "$db2" --version-table alembic_version
[ "$(sqlite3 "$db2" "SELECT version_num FROM alembic_version")" = c1 ] && ok "alembic_version holds c1" ||
    fail "alembic_version does not hold c1"
expect "current --version-table" 0 "c1 (head)" -- m current --db "$db2" --version-table alembic_version

# a migration that fails: located, rolled back
p=$tmp/duplicate db=$tmp/duplicate.db
m upgrade a1 --db "$db" >/dev/null 2>&1
before=$(schema_of "$db")
expect "a unique key broken" 1 \
    "migrations/20250102_000000_again.mig:6:1: error[database]: upgrade to b1 (migrations/20250102_000000_again.mig): SQLite says: UNIQUE constraint failed: users.email" \
    -- m upgrade heads --db "$db"
[ "$(schema_of "$db")" = "$before" ] && ok "rolled back: the schema is as before" || fail "the failed migration left changes"
expect "still at a1" 0 "a1" -- m current --db "$db"

p=$tmp/dangling db=$tmp/dangling.db
expect "a dangling reference after a rebuild" 1 \
    "a foreign key no longer holds after the table rebuilds: row 1 of orders references a row users does not have" \
    -- m upgrade heads --db "$db"
expect "verify locates the same" 1 "foreign key no longer holds" -- m verify

p=$tmp/bad_sql db=$tmp/bad_sql.db
expect "a statement SQLite cannot parse" 1 \
    "migrations/20250102_000000_typo.mig:6:1: error[database]: upgrade to b1 (migrations/20250102_000000_typo.mig): SQLite says: near \"SELEC\": syntax error" \
    -- m upgrade heads --db "$db"

[ $failures -eq 0 ] && { echo "online: all passed"; exit 0; }
echo "online: $failures failure(s)"
exit 1
