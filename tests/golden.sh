#!/usr/bin/env bash
# golden.sh KIND MIGC CASE: runs one golden case and diffs it against the
# expected file beside it.  MIGC_UPDATE_GOLDEN=1 rewrites the expected file
# instead (review the diff before committing it).
#
#   ir    CASE.mig -> CASE.ir   `migc parse --dump-ir`, must exit 0
#   err   CASE.mig -> CASE.err  `migc parse`, must exit 1, stdout empty,
#                               stderr is the full diagnostic text
#   check CASE.mig -> CASE.err  CASE.mig alone in a project's migrations/;
#                               `migc check` must exit 1 with exactly CASE.err;
#                               lint rules are off unless CASE.ini is given
#   emit  CASE.mig (+ CASE.setup.mig, its parent, when the operation needs a
#         schema to work on) -> CASE.up.DIALECT.sql and CASE.down.DIALECT.sql
#         for postgresql, sqlite and mysql: the revision's files from
#         `migc compile`; or CASE.err when compiling must fail.  Every
#         PostgreSQL file is also parsed with libpg_query ($PG_PARSE_CHECK).
#   lint  CASE.sql -> CASE.lint: `migc lint CASE.sql`'s diagnostics (any exit);
#         CASE.mig (+ CASE.setup.mig, its parent; + CASE.ini as migc.ini)
#         -> CASE.lint: `migc check`'s diagnostics on that project
#   case  CASE/ (a directory): CASE/cmd holds the arguments of one migc
#         command, run with -C CASE; CASE/expected.out, expected.err and
#         expected.status hold its stdout, stderr and exit status
set -u
kind=$1 migc=$2 case=$3
dir=$(dirname "$case") base=$(basename "$case" .mig)
base=${base%.sql}
cd "$dir" || exit 2
out=$(mktemp) err=$(mktemp) tmp=$(mktemp -d)
trap 'rm -rf "$out" "$err" "$tmp"' EXIT

fail() { echo "FAIL [$kind] $base: $*"; exit 1; }

# Whether the migc arguments print PostgreSQL SQL: --sql or schema, with
# --dialect postgresql (not --format catalog or mermaid).
pg_sql_command() {
    local w prev='' sql=0 pg=0
    [ "${1:-}" = schema ] && sql=1
    for w in "$@"; do
        [ "$w" = --sql ] && sql=1
        { [ "$prev" = --format ] && [ "$w" != sql ]; } && sql=0
        { [ "$prev" = --dialect ] || [ "$prev" = -d ]; } && [ "$w" = postgresql ] && pg=1
        prev=$w
    done
    [ $sql -eq 1 ] && [ $pg -eq 1 ]
}

case $kind in
ir)
    "$migc" --color never parse --dump-ir "$base.mig" >"$out" 2>"$err"
    status=$?
    [ $status -eq 0 ] || { cat "$err"; fail "exit $status, expected 0"; }
    expected=$base.ir actual=$out ;;
err)
    "$migc" --color never parse "$base.mig" >"$out" 2>"$err"
    status=$?
    [ $status -eq 1 ] || { cat "$err"; fail "exit $status, expected 1"; }
    [ -s "$out" ] && fail "wrote to stdout despite errors (partial output)"
    expected=$base.err actual=$err ;;
check)
    mkdir -p "$tmp/migrations" && cp "$base.mig" "$tmp/migrations/"
    # semantic cases test semantics: lint is off (but irreversibility, part of
    # the semantics, stays an error) unless the case brings its own migc.ini
    if [ -f "$base.ini" ]; then cp "$base.ini" "$tmp/migc.ini"
    else printf '[lint]\ndefault = off\nirreversible = error\nnon-portable-function = warning\n' >"$tmp/migc.ini"; fi
    (cd "$tmp" && "$migc" --color never check) >"$out" 2>"$err"
    status=$?
    [ $status -eq 1 ] || { cat "$err"; fail "exit $status, expected 1"; }
    expected=$base.err actual=$err ;;
emit)
    mkdir -p "$tmp/p/migrations"
    [ -f "$base.setup.mig" ] && cp "$base.setup.mig" "$tmp/p/migrations/0_setup.mig"
    cp "$base.mig" "$tmp/p/migrations/1_case.mig"
    "$migc" --color never -C "$tmp/p" compile --dialect all --out "$tmp/p/out" >"$out" 2>"$err"
    status=$?
    if [ -f "$base.err" ] || { [ $status -ne 0 ] && [ "${MIGC_UPDATE_GOLDEN:-}" = 1 ]; }; then
        [ $status -eq 1 ] || { cat "$err"; fail "exit $status, expected 1"; }
        expected=$base.err actual=$err
    else
        [ $status -eq 0 ] || { cat "$err"; fail "compile failed (exit $status)"; }
        ok=0
        for d in postgresql sqlite mysql; do
            for dir_ in up down; do
                got=$(ls "$tmp/p/out/$d/revisions/"*."$dir_.sql" | sort | tail -n 1)
                grep -v '^-- migc ' "$got" >"$tmp/$d.$dir_"
                if [ "$d" = postgresql ] && [ -n "${PG_PARSE_CHECK:-}" ]; then
                    "$PG_PARSE_CHECK" "$got" || ok=1
                fi
                if [ "${MIGC_UPDATE_GOLDEN:-}" = 1 ]; then
                    cp "$tmp/$d.$dir_" "$base.$dir_.$d.sql"
                    continue
                fi
                [ -f "$base.$dir_.$d.sql" ] || fail "missing $base.$dir_.$d.sql (MIGC_UPDATE_GOLDEN=1 creates it)"
                diff -u "$base.$dir_.$d.sql" "$tmp/$d.$dir_" || ok=1
            done
        done
        [ "${MIGC_UPDATE_GOLDEN:-}" = 1 ] && { echo "updated $dir/$base.*.sql"; exit 0; }
        [ $ok -eq 0 ] || fail "output differs"
        exit 0
    fi ;;
lint)
    if [ "${case%.sql}" != "$case" ]; then
        # alone in a directory, with CASE.ini as its migc.ini when there is one
        mkdir -p "$tmp/s" && cp "$base.sql" "$tmp/s/"
        [ -f "$base.ini" ] && cp "$base.ini" "$tmp/s/migc.ini"
        (cd "$tmp/s" && "$migc" --color never lint "$base.sql") >"$out" 2>"$err"
    else
        mkdir -p "$tmp/p/migrations"
        [ -f "$base.setup.mig" ] && cp "$base.setup.mig" "$tmp/p/migrations/0_setup.mig"
        [ -f "$base.ini" ] && cp "$base.ini" "$tmp/p/migc.ini"
        cp "$base.mig" "$tmp/p/migrations/1_case.mig"
        "$migc" --color never -C "$tmp/p" check >"$out" 2>"$err"
    fi
    status=$?
    [ $status -le 1 ] || { cat "$err"; fail "exit $status (a crash or bad usage)"; }
    expected=$base.lint actual=$err ;;
case)
    cd "$base" || fail "no directory $dir/$base"
    read -r -a words <cmd || [ ${#words[@]} -gt 0 ] || fail "empty cmd"
    "$migc" --color never -C . "${words[@]}" >"$out" 2>"$err"
    echo $? >"$tmp/status"
    if [ "${MIGC_UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$out" expected.out && cp "$err" expected.err && cp "$tmp/status" expected.status
        echo "updated $dir/$base"
        exit 0
    fi
    ok=0
    for f in out err status; do
        src=$out; [ $f = err ] && src=$err; [ $f = status ] && src=$tmp/status
        [ -f expected.$f ] || fail "missing expected.$f (MIGC_UPDATE_GOLDEN=1 creates it)"
        diff -u expected.$f "$src" || ok=1
    done
    # PostgreSQL SQL on stdout (upgrade/downgrade/stamp --sql, schema
    # --dialect) must parse with libpg_query
    if [ -n "${PG_PARSE_CHECK:-}" ] && [ "$(cat "$tmp/status")" = 0 ] && pg_sql_command "${words[@]}"; then
        "$PG_PARSE_CHECK" "$out" || fail "libpg_query does not parse the PostgreSQL output"
    fi
    [ $ok -eq 0 ] || fail "output differs"
    exit 0 ;;
*)
    fail "unknown kind" ;;
esac

if [ "${MIGC_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$actual" "$expected"
    echo "updated $dir/$expected"
    exit 0
fi
[ -f "$expected" ] || fail "missing $dir/$expected (MIGC_UPDATE_GOLDEN=1 creates it)"
diff -u "$expected" "$actual" || fail "output differs from $expected"
