#!/usr/bin/env bash
# semantics.sh MIGC DIALECT: the same portable expression gives the same value
# on every engine.
#
# tests/engines/semantics/ is a project whose first migration creates tables
# of typed input columns with rows (data_insert), and whose later migrations
# compute many portable expressions into result columns (data_update): string
# functions, integer and decimal arithmetic, rounding, greatest/least,
# coalesce/nullif, three-valued logic, IN, BETWEEN, LIKE, casts, dates.  On a
# fresh database: upgrade.sql, then every column of every row (but the key
# column k) read back in one canonical text form and compared with
# semantics/expected.tsv, which holds PostgreSQL's answers (the reference
# semantics).  A difference prints as
#     TABLE[KEY] COLUMN: expected X, DIALECT gave Y
# followed by the SQL the dialect got for each differing column.
#
# Canonical form: NULL is NULL; text is 'quoted' (so '' is the empty
# string), read as bytes (hex) and decoded; integers as digits; numeric, real
# and double without trailing zeros after the point (-0 is 0); booleans
# true/false (MariaDB and SQLite store 1/0; any other number stays as it is);
# dates YYYY-MM-DD; timestamps without trailing zeros in the fraction.
#
# When upgrade.sql fails (an engine refuses an expression) that is a failure,
# and the revisions are applied one by one on another fresh database, going
# on after a failing one, so every other value is still compared.
#
# semantics/known.tsv lists differences that are inherent to an engine and
# documented (DIALECT, TABLE, KEY, COLUMN, the value it gives, why): those
# print as "known" and do not fail the test.
#
# PostgreSQL's database has LC_CTYPE C.UTF-8 (the test cluster is initialised
# without a locale, where lower() and upper() leave non-ASCII letters alone;
# production clusters have a UTF-8 locale) and LC_COLLATE C (byte order, as
# MariaDB's utf8mb4_bin and SQLite's BINARY).
# Exit 0 pass, 1 fail, 77 skip (engine unavailable, outside CI).
set -uo pipefail
[ -n "${MIGC_ENGINE_TRACE:-}" ] && { PS4='+ $EPOCHREALTIME '; set -x; }
. "$(dirname "$0")/lib.sh"
migc=$1 d=$2
proj=$ENGINES_DIR/semantics
expected=$proj/expected.tsv known=$proj/known.tsv
load_engines
if ! why=$(engine_status "$d"); then
    if engines_required; then echo "FAIL: $d is required here but unavailable: $why"; exit 1; fi
    echo "SKIP: $d unavailable: $why"; exit $SKIP
fi
work=$(mktemp -d "${MIGC_ENGINE_WORK:-${TMPDIR:-/tmp}}/semantics-$d.XXXXXX")
dbs=() failures=0 h=
trap '[ $failures -eq 0 ] && { for h in "${dbs[@]}"; do db_drop "$d" "$h" >/dev/null 2>&1; done; rm -rf "$work"; }' EXIT
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
vt=$(version_table "$proj")

# fresh_db NAME: a new empty database (PostgreSQL: with a UTF-8 LC_CTYPE).
fresh_db() {
    local h loc
    h=$(db_new "$d" "$1" "$work") || return 1
    if [ "$d" = postgresql ]; then
        for loc in C.UTF-8 C.utf8 en_US.UTF-8; do
            pg_client postgres -c "DROP DATABASE IF EXISTS \"$h\"" \
                -c "CREATE DATABASE \"$h\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE '$loc'" \
                >/dev/null 2>&1 && break
            loc=''
        done
        if [ -z "$loc" ]; then
            echo "note: no UTF-8 LC_CTYPE for PostgreSQL here: lower()/upper() of non-ASCII text will differ" >&2
            h=$(db_new "$d" "$1" "$work") || return 1
        fi
    fi
    echo "$h"
}

apply() { # DB FILE: 0 when it ran; else prints the engine's message
    local err
    err=$(db_apply "$d" "$1" "$2" 2>&1) && return 0
    echo "$err" | head -n 8 | sed 's/^/    /'
    return 1
}

# ------------------------------------------------------------- reading back

# The model's columns, "TABLE COLUMN CLASS", CLASS one of text int num bool
# date ts; the key column k is the row's name, not a value.
model_columns() {
    "$migc" --color never -C "$proj" schema --format catalog --dialect postgresql |
    sed -n 's/^column //p' | sed -E 's/ (not null|null) (no default|default|identity)$//; s/^([^.]*)\.([^ ]*) /\1 \2 /' |
    while read -r t c type; do
        [ "$c" = k ] && continue
        case $type in
        text|character*) echo "$t $c text" ;;
        smallint|integer|bigint) echo "$t $c int" ;;
        numeric*|real|double*) echo "$t $c num" ;;
        boolean) echo "$t $c bool" ;;
        date) echo "$t $c date" ;;
        timestamp*) echo "$t $c ts" ;;
        *) echo "$t $c other" ;;
        esac
    done
}

# sql_value CLASS COLUMN: a column as the engine's text, 'NULL' for NULL;
# text as the hex of its UTF-8 bytes.
sql_value() {
    local cls=$1 c
    c=$(qident "$d" "$2")
    case $d:$cls in
    postgresql:text) echo "coalesce(encode(convert_to($c, 'UTF8'), 'hex'), 'NULL')" ;;
    postgresql:*) echo "coalesce(CAST($c AS text), 'NULL')" ;;
    mysql:text) echo "COALESCE(HEX($c), 'NULL')" ;;
    mysql:*) echo "COALESCE(CAST($c AS CHAR), 'NULL')" ;;
    sqlite:text) echo "CASE WHEN $c IS NULL THEN 'NULL' ELSE hex($c) END" ;;
    sqlite:*) echo "CASE WHEN $c IS NULL THEN 'NULL' ELSE CAST($c AS TEXT) END" ;;
    esac
}

# CANONICAL: an awk program that turns "KEY<TAB>RAW..." lines (the columns
# named by -v cols, of the classes -v classes, both comma-separated) into
# "TABLE<TAB>KEY<TAB>COLUMN<TAB>VALUE" lines in the canonical form.  Run
# with LC_ALL=C, so text is decoded byte by byte.
CANONICAL='
function unhex(h,    s, i) {
    s = ""
    for (i = 1; i < length(h); i += 2)
        s = s sprintf("%c", (index(X, substr(h, i, 1)) - 1) * 16 + index(X, substr(h, i + 1, 1)) - 1)
    return s
}
function trimzeros(v) { sub(/0+$/, "", v); sub(/\.$/, "", v); return v }
function canon(cls, v) {
    if (v == "NULL") return v
    if (cls == "text") return "\047" unhex(tolower(v)) "\047"
    if (cls == "num") {
        if (v ~ /^-?[0-9]*\.[0-9]+$/) v = trimzeros(v)
        if (v ~ /^-0*$/) v = "0"
        return v
    }
    if (cls == "bool") {
        if (v == "1" || v == "t" || v == "true") return "true"
        if (v == "0" || v == "f" || v == "false") return "false"
        return v
    }
    if (cls == "ts" && v ~ /\.[0-9]+$/) return trimzeros(v)
    return v
}
BEGIN { FS = "\t"; X = "0123456789abcdef"; n = split(cols, c, ","); split(classes, k, ",") }
{ for (i = 1; i <= n; i++) printf "%s\t%s\t%s\t%s\n", table, $1, c[i], canon(k[i], $(i + 1)) }'

# read_values DB: "TABLE<TAB>KEY<TAB>COLUMN<TAB>VALUE" for every cell.
read_values() {
    local db=$1 t c cls sel i
    local -a tables=()
    local -A seen=() tcols=() tclasses=()
    while read -r t c cls; do
        [ -n "${seen[$t]:-}" ] || { seen[$t]=1; tables+=("$t"); }
        tcols[$t]+="${tcols[$t]:+,}$c" tclasses[$t]+="${tclasses[$t]:+,}$cls"
    done < <(model_columns)
    for t in "${tables[@]}"; do
        sel="CAST($(qident "$d" k) AS $([ "$d" = mysql ] && echo CHAR || echo TEXT))"
        local -a cl=() kl=()
        IFS=, read -r -a cl <<<"${tcols[$t]}"
        IFS=, read -r -a kl <<<"${tclasses[$t]}"
        for i in "${!cl[@]}"; do sel+=", $(sql_value "${kl[$i]}" "${cl[$i]}")"; done
        db_query "$d" "$db" "SELECT $sel FROM $(qident "$d" "$t")" |
            LC_ALL=C awk -v table="$t" -v cols="${tcols[$t]}" -v classes="${tclasses[$t]}" "$CANONICAL" || return 1
    done
}

# assignment_sql FILE TABLE COLUMN: "COLUMN = EXPR" as the bundle sets it
# (with the statement's WHERE when it is the last assignment).
assignment_sql() {
    awk -v t="$2" -v c="$3" '
        function flush() {
            s = cur; sub(/^ +/, "", s)
            if (index(s, c " = ") == 1 || index(s, c " =\n") == 1) { print s; found = 1; exit }
            cur = ""
        }
        index($0, "UPDATE " t " SET ") == 1 || index($0, "UPDATE `" t "` SET ") == 1 || index($0, "UPDATE \"" t "\" SET ") == 1 {
            line = substr($0, index($0, " SET ") + 5); sub(/;$/, "", line)
            depth = 0; q = 0; cur = ""
            for (i = 1; i <= length(line); i++) {
                ch = substr(line, i, 1)
                if (q) { cur = cur ch; if (ch == "\\") { i++; cur = cur substr(line, i, 1) } else if (ch == "\047") q = 0; continue }
                if (ch == "\047") { q = 1; cur = cur ch; continue }
                if (ch == "(") depth++
                if (ch == ")") depth--
                if (ch == "," && depth == 0) { flush(); continue }
                cur = cur ch
            }
            flush()
        }' "$1"
}

# ------------------------------------------------------------------ the test

echo "== portable expressions on $d (work: $work)"
if ! out=$("$migc" --color never -C "$proj" check 2>&1); then
    fail "migc check failed:"; echo "$out" | head -n 30 | sed 's/^/    /'
    exit 1
fi
if ! out=$("$migc" --color never -C "$proj" compile --dialect "$d" --out "$work/out" 2>&1); then
    fail "compile --dialect $d failed:"; echo "$out" | grep -A4 'error' | head -n 30 | sed 's/^/    /'
    exit 1
fi
b=$work/out/$d
mapfile -t ups < <(ls "$b/revisions/"*.up.sql | LC_ALL=C sort)
head_rev=$(revision_of "${ups[-1]}" | cut -d' ' -f1)

db=$(fresh_db migc_semantics) || { fail "cannot create a database"; exit 1; }
dbs+=("$db")
if msg=$(apply "$db" "$b/upgrade.sql"); then
    v=$(db_versions "$d" "$db" "$vt")
    [ "$v" = "$head_rev" ] && ok "upgrade.sql applied (at $head_rev)" || fail "upgrade.sql: version table holds '$v', not $head_rev"
else
    fail "upgrade.sql failed on $d:"; echo "$msg"
    # every revision on its own, so the others are still compared
    db=$(fresh_db migc_semantics_revs) || { fail "cannot create a database"; exit 1; }
    dbs+=("$db")
    for f in "${ups[@]}"; do
        if ! msg=$(apply "$db" "$f"); then
            fail "$(basename "$f") failed on $d (its values may stay unset):"; echo "$msg"
        fi
    done
fi

read_values "$db" >"$work/got.tsv" || { fail "reading the values back failed"; exit 1; }
declare -A got=() want=() knownv=() knownwhy=()
while IFS=$'\t' read -r t k c v; do got["$t"$'\t'"$k"$'\t'"$c"]=$v; done <"$work/got.tsv"
while IFS=$'\t' read -r t k c v; do
    [ -z "$t" ] || [ "${t:0:1}" = '#' ] && continue
    want["$t"$'\t'"$k"$'\t'"$c"]=$v
done <"$expected"
if [ -f "$known" ]; then
    while IFS=$'\t' read -r kd t k c v why; do
        [ -z "$kd" ] || [ "${kd:0:1}" = '#' ] || [ "$kd" != "$d" ] && continue
        knownv["$t"$'\t'"$k"$'\t'"$c"]=$v knownwhy["$t"$'\t'"$k"$'\t'"$c"]=$why
    done <"$known"
fi

bad=0 nknown=0 same=0
declare -A bad_cols=()
while IFS= read -r cell; do
    t=${cell%%$'\t'*} rest=${cell#*$'\t'} k=${rest%%$'\t'*} c=${rest#*$'\t'}
    w=${want[$cell]} g=${got[$cell]-<missing>}
    if [ "$g" = "$w" ]; then
        same=$((same + 1))
    elif [ -n "${knownv[$cell]+x}" ] && [ "${knownv[$cell]}" = "$g" ]; then
        nknown=$((nknown + 1))
        echo "known ${t}[$k] $c: expected $w, $d gives $g (${knownwhy[$cell]})"
    else
        bad=$((bad + 1)) bad_cols["$t $c"]=1
        echo "FAIL ${t}[$k] $c: expected $w, $d gave $g"
    fi
done < <(printf '%s\n' "${!want[@]}" | LC_ALL=C sort -t$'\t' -k1,1 -k3,3 -k2,2)
for cell in "${!got[@]}"; do
    [ -n "${want[$cell]+x}" ] && continue
    t=${cell%%$'\t'*} rest=${cell#*$'\t'} k=${rest%%$'\t'*} c=${rest#*$'\t'}
    bad=$((bad + 1)) bad_cols["$t $c"]=1
    echo "FAIL ${t}[$k] $c: no value in expected.tsv ($d gave ${got[$cell]})"
done
failures=$((failures + bad))
if [ $bad -gt 0 ]; then
    echo "the SQL $d got for the differing columns:"
    for tc in $(printf '%s\n' "${!bad_cols[@]}" | LC_ALL=C sort | tr ' ' ':'); do
        t=${tc%%:*} c=${tc#*:}
        sql=$(assignment_sql "$b/upgrade.sql" "$t" "$c")
        echo "    $t.$c: ${sql:-(an input column: data_insert)}"
    done
fi
echo "$same of ${#want[@]} values as expected, $nknown known difference(s), $bad difference(s)"

if [ $failures -eq 0 ]; then echo "PASS semantics on $d"; exit 0; fi
echo "FAILED semantics on $d: $failures problem(s); database(s) ${dbs[*]} and files in $work kept"
exit 1
