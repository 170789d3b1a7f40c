#!/usr/bin/env bash
# hostile.sh MIGC DIALECT: hostile names and values on a real engine.
#
# tests/engines/hostile/ is a project whose tables, columns, indexes,
# constraints and enum use names engines reserve or must quote (order, user,
# group, key, select, MixedCase, "with space", a double quote, a backtick,
# größe, 名前) and whose rows hold quotes, backslashes, dollar quotes,
# newlines, tabs and non-ASCII text.  On a fresh database: upgrade.sql, the
# catalog compared with the model, every value read back as bytes (hex) and
# compared with hostile/expected.hex; the last migration down (the rows
# go, the catalog matches) and up again (the same bytes); downgrade.sql (an
# empty database) and upgrade.sql again (the same catalog and bytes).
# Exit 0 pass, 1 fail, 77 skip (engine unavailable, outside CI).
set -uo pipefail
[ -n "${MIGC_ENGINE_TRACE:-}" ] && { PS4='+ $EPOCHREALTIME '; set -x; }
. "$(dirname "$0")/lib.sh"
migc=$1 d=$2
proj=$ENGINES_DIR/hostile
load_engines
if ! why=$(engine_status "$d"); then
    if engines_required; then echo "FAIL: $d is required here but unavailable: $why"; exit 1; fi
    echo "SKIP: $d unavailable: $why"; exit $SKIP
fi
work=$(mktemp -d "${MIGC_ENGINE_WORK:-${TMPDIR:-/tmp}}/hostile-$d.XXXXXX")
db='' failures=0
trap '[ $failures -eq 0 ] && { [ -n "$db" ] && db_drop "$d" "$db" >/dev/null 2>&1; rm -rf "$work"; }' EXIT
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
vt=$(version_table "$proj")

apply() { # FILE
    local err
    err=$(db_apply "$d" "$db" "$1" 2>&1) && return 0
    fail "$(basename "$1") failed on $d:"; echo "$err" | head -n 20 | sed 's/^/    /'
    return 1
}

check_catalog() { # WHAT REV...
    local what=$1; shift
    if compare_catalog "$d" "$db" "$migc" "$proj" "$vt" "$what" "$@"; then ok "$what: catalog matches the model"
    else fail "$what: catalog"; fi
}

# The key of each table, to tell the rows apart.
declare -A key_of=([order]=id [user]=id ["MixedCase Table"]=Key ['Mixed"Case`Table']=Key)
# expected.hex names tables as the second migration has them; the third
# renames one.
renamed_from='MixedCase Table' renamed_to='Mixed"Case`Table'

hex_query() { # TABLE COLUMN: "KEYHEX<TAB>VALUEHEX|NULL" per row
    local t k c
    t=$(qident "$d" "$1") c=$(qident "$d" "$2") k=$(qident "$d" "${key_of[$1]}")
    case $d in
    postgresql) db_query "$d" "$db" "SELECT encode(convert_to(CAST($k AS text), 'UTF8'), 'hex'),
        coalesce(encode(convert_to(CAST($c AS text), 'UTF8'), 'hex'), 'NULL') FROM $t" ;;
    mysql) db_query "$d" "$db" "SELECT LOWER(HEX(CAST($k AS CHAR))), COALESCE(LOWER(HEX($c)), 'NULL') FROM $t" ;;
    sqlite) db_query "$d" "$db" "SELECT lower(hex(CAST($k AS TEXT))), CASE WHEN $c IS NULL THEN 'NULL' ELSE lower(hex($c)) END FROM $t" ;;
    esac
}

check_values() { # WHAT [renamed]
    local what=$1 renamed=${2:-} t c pair got want bad=0 q
    local -A pairs=()
    while IFS=$'\t' read -r t _ c _; do pairs["$t"$'\t'"$c"]=1; done < <(grep -v '^#' "$proj/expected.hex")
    for pair in "${!pairs[@]}"; do
        t=${pair%%$'\t'*} c=${pair#*$'\t'}
        want=$(awk -F'\t' -v t="$t" -v c="$c" '$1 == t && $3 == c {print $2 "\t" $4}' "$proj/expected.hex" | LC_ALL=C sort)
        q=$t
        [ -n "$renamed" ] && [ "$t" = "$renamed_from" ] && q=$renamed_to
        got=$(hex_query "$q" "$c" | LC_ALL=C sort)
        if [ "$got" != "$want" ]; then
            bad=1
            fail "$what: $t.$c holds other bytes than written (key hex, value hex; - expected, + $d):"
            diff <(echo "$want") <(echo "$got") | sed -n 's/^</    -/p; s/^>/    +/p'
        fi
    done
    [ $bad -eq 0 ] && ok "$what: $(grep -vc '^#' "$proj/expected.hex") values read back byte for byte"
}

echo "== hostile names and values on $d (work: $work)"
if ! out=$("$migc" --color never -C "$proj" compile --dialect "$d" --out "$work/out" 2>&1); then
    fail "compile --dialect $d failed:"; echo "$out" | grep -A4 'error' | head -n 30 | sed 's/^/    /'
    exit 1
fi
b=$work/out/$d
db=$(db_new "$d" migc_hostile "$work") || { fail "cannot create a database"; exit 1; }
mapfile -t ups < <(ls "$b/revisions/"*.up.sql | LC_ALL=C sort)
[ ${#ups[@]} -eq 3 ] || { fail "expected 3 revisions, got ${#ups[@]}"; exit 1; }
down_of() { echo "${1%.up.sql}.down.sql"; }

if apply "$b/upgrade.sql"; then
    check_catalog "upgrade.sql" h0000003
    check_values "upgrade.sql" renamed
    # the structural migration down and up: the bytes stay
    if apply "$(down_of "${ups[2]}")"; then
        check_catalog "changes down" h0000002
        check_values "changes down"
        # the rows migration down and up: the rows go and come back
        if apply "$(down_of "${ups[1]}")"; then
            check_catalog "rows down" h0000001
            left=$(data_digests "$d" "$db" "$vt" | awk '$(NF-1) != 0')
            [ -z "$left" ] && ok "rows down: the rows are gone" || { fail "rows left by the downgrade:"; echo "$left" | sed 's/^/    /'; }
            apply "${ups[1]}" && check_catalog "rows up again" h0000002 && check_values "rows up again"
        fi
        apply "${ups[2]}" && check_catalog "changes up again" h0000003 && check_values "changes up again" renamed
    fi
    if apply "$b/downgrade.sql"; then
        left=$(db_leftovers "$d" "$db")
        [ -z "$left" ] && ok "downgrade.sql: the database is empty" || { fail "downgrade.sql left:"; echo "$left" | sed 's/^/    /'; }
        apply "$b/upgrade.sql" && check_catalog "upgrade.sql again" h0000003 && check_values "upgrade.sql again" renamed
    fi
fi

if [ $failures -eq 0 ]; then echo "PASS hostile on $d"; exit 0; fi
echo "FAILED hostile on $d: $failures problem(s); database $db and files in $work kept"
exit 1
