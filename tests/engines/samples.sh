#!/usr/bin/env bash
# samples.sh MIGC PROJECT DIALECT [--no-rows]: a project on a real engine.
#
# On a fresh database: every revision's upgrade file in their numbered
# order, the catalog compared with the model at the heads applied so far and
# the version table required to hold exactly those heads; every downgrade
# file in reverse order, checked the same way, down to an empty database;
# then the whole upgrade.sql, downgrade.sql (empty again) and upgrade.sql
# bundles, compared at the heads.  Then rows go into every table
# (tests/engines/rows/NAME.sql), the last migration is downgraded and
# upgraded again: the catalog matches the model at each step, every table
# keeps its rows through the downgrade, and after the upgrade the data is
# byte for byte what it was.  Last, `migc schema --dialect D` (the schema
# at the heads as CREATE statements) on a fresh database gives the same
# catalog as the migrations did.  --no-rows leaves out the rows part, for
# generated projects (tests/engines/chain.sh).
#
# Exit 0 pass, 1 fail, 77 skip (engine unavailable, outside CI).
set -uo pipefail
[ -n "${MIGC_ENGINE_TRACE:-}" ] && { PS4='+ $EPOCHREALTIME '; set -x; }
. "$(dirname "$0")/lib.sh"
migc=$1 proj=$(cd "$2" && pwd) d=$3 rows_part=${4:-}
name=$(basename "$proj")
load_engines
if ! why=$(engine_status "$d"); then
    if engines_required; then echo "FAIL: $d is required here but unavailable: $why"; exit 1; fi
    echo "SKIP: $d unavailable: $why"; exit $SKIP
fi

work=$(mktemp -d "${MIGC_ENGINE_WORK:-${TMPDIR:-/tmp}}/samples-$name-$d.XXXXXX")
db='' db_old='' db_schema=''
failures=0
cleanup() {
    [ $failures -eq 0 ] && for x in "$db" "$db_old" "$db_schema"; do [ -n "$x" ] && db_drop "$d" "$x" >/dev/null 2>&1; done
    [ $failures -eq 0 ] && rm -rf "$work"
}
trap cleanup EXIT

ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
vt=$(version_table "$proj")

apply() { # FILE WHAT
    local err
    if ! err=$(db_apply "$d" "$db" "$1" 2>&1); then
        fail "$2: $(basename "$1") failed on $d:"
        echo "$err" | head -n 20 | sed 's/^/    /'
        return 1
    fi
}

# The walk knows which revisions it applied, so it knows the heads (the
# applied revisions no applied revision revises) without asking the
# database; the version table must agree.
declare -A parents_of=()
applied=()
expected_heads() {
    local r p is_parent
    for r in "${applied[@]}"; do
        is_parent=0
        for p in "${applied[@]}"; do
            [[ " ${parents_of[$p]} " == *" $r "* ]] && is_parent=1
        done
        [ $is_parent -eq 0 ] && echo "$r"
    done | LC_ALL=C sort
}

# the catalog against the model at the expected heads; the version table
# holding exactly those heads
check_state() { # WHAT
    local heads got
    mapfile -t heads < <(expected_heads)
    got=$(db_versions "$d" "$db" "$vt" | tr '\n' ' ')
    if [ "$got" != "$(printf '%s ' "${heads[@]}")" ] && { [ ${#heads[@]} -gt 0 ] || [ -n "$got" ]; }; then
        fail "$1: the version table $vt holds '${got% }', the applied heads are '${heads[*]}'"
    fi
    if compare_catalog "$d" "$db" "$migc" "$proj" "$vt" "$1" "${heads[@]}"; then
        ok "$1: catalog matches the model at ${heads[*]:-base}"
    else
        fail "$1"
        return 1
    fi
}

check_empty() { # WHAT
    local left
    left=$(db_leftovers "$d" "$db")
    if [ -z "$left" ]; then ok "$1: the database is empty"; else
        fail "$1: objects left behind:"; echo "$left" | sed 's/^/    /'; return 1; fi
}

echo "== $name on $d (work: $work)"
if ! out=$("$migc" --color never -C "$proj" compile --dialect "$d" --out "$work/out" 2>&1); then
    fail "compile --dialect $d failed:"; echo "$out" | grep -E 'error' | head -n 20 | sed 's/^/    /'
    exit 1
fi
bundle=$work/out/$d
mapfile -t ups < <(ls "$bundle/revisions/"*.up.sql | LC_ALL=C sort)
mapfile -t downs < <(ls "$bundle/revisions/"*.down.sql | LC_ALL=C sort -r)
db=$(db_new "$d" "migc_samples_$name" "$work") || { fail "cannot create a database"; exit 1; }

all_revs=()
for f in "${ups[@]}"; do
    read -r rev parents < <(revision_of "$f")
    [ -n "$rev" ] || { fail "no '-- Running upgrade' line in $f"; exit 1; }
    parents_of[$rev]=$parents
    all_revs+=("$rev")
done

# ---- every migration, one at a time, up then down
for i in "${!ups[@]}"; do
    applied+=("${all_revs[$i]}")
    apply "${ups[$i]}" "up" && check_state "up $(basename "${ups[$i]}" .up.sql)" || break
done
if [ ${#applied[@]} -eq ${#ups[@]} ]; then
    for f in "${downs[@]}"; do
        unset 'applied[${#applied[@]}-1]'
        apply "$f" "down" && check_state "down $(basename "$f" .down.sql)" || break
    done
    [ ${#applied[@]} -eq 0 ] && check_empty "after every downgrade"
fi

# ---- the bundles (on a new database when the walk failed)
if [ $failures -ne 0 ]; then
    db_old=$db
    db=$(db_new "$d" "migc_samples_${name}_b" "$work") || { fail "cannot create a database"; exit 1; }
fi
applied=("${all_revs[@]}")
bundle_failures=$failures
apply "$bundle/upgrade.sql" "bundle" && check_state "upgrade.sql" &&
    { saved=("${applied[@]}"); applied=(); apply "$bundle/downgrade.sql" "bundle"; } && check_empty "downgrade.sql" &&
    { applied=("${saved[@]}"); apply "$bundle/upgrade.sql" "bundle"; } && check_state "upgrade.sql again"

# ---- rows through the last migration's downgrade and upgrade
rows=$ENGINES_DIR/rows/$name.sql
if [ "$rows_part" = --no-rows ]; then
    echo "no rows part (--no-rows)"
elif [ $failures -gt $bundle_failures ]; then
    echo "skip rows: the bundles failed"
elif [ ! -f "$rows" ]; then
    fail "no rows file $rows for sample $name: write one that fills every table"
else
    apply "$rows" "rows" || exit 1
    before=$(data_digests "$d" "$db" "$vt")
    empty=$(awk '$(NF-1) == 0 {NF -= 2; print}' <<<"$before")
    [ -z "$empty" ] && ok "rows in every table" || fail "tables without rows (extend $rows): $empty"
    last_down=${downs[0]} last_up=${ups[${#ups[@]} - 1]}
    read -r rev parents < <(revision_of "$last_up")
    saved=("${applied[@]}")
    applied=()
    for r in "${saved[@]}"; do [ "$r" = "$rev" ] || applied+=("$r"); done
    if apply "$last_down" "last down" && check_state "last migration down"; then
        after=$(data_digests "$d" "$db" "$vt")
        lost=$(join <(awk '{print $1, $2}' <<<"$before" | LC_ALL=C sort) <(awk '{print $1, $2}' <<<"$after" | LC_ALL=C sort) |
            awk '$2 != $3 {print $1 ": " $2 " rows before, " $3 " after"}')
        [ -z "$lost" ] && ok "rows kept through the downgrade of the last migration" ||
            { fail "rows lost by the downgrade of the last migration:"; echo "$lost" | sed 's/^/    /'; }
        applied=("${saved[@]}")
        if apply "$last_up" "last up again" && check_state "last migration up again"; then
            again=$(data_digests "$d" "$db" "$vt")
            if [ "$before" = "$again" ]; then ok "data identical after down and up: $(wc -l <<<"$again") tables"; else
                fail "data differs after the last migration's down and up (table rows md5):"
                diff <(echo "$before") <(echo "$again") | sed -n 's/^</    before/p; s/^>/    after /p'
            fi
        fi
    fi
fi

# ---- the schema at the heads as CREATE statements, on a fresh database
if ! "$migc" --color never -C "$proj" schema --dialect "$d" >"$work/schema.sql" 2>"$work/schema.err"; then
    fail "schema --dialect $d failed:"; grep -E 'error' "$work/schema.err" | head -n 20 | sed 's/^/    /'
elif ! db_schema=$(db_new "$d" "migc_samples_${name}_s" "$work"); then
    fail "cannot create a database"
else
    applied=("${all_revs[@]}")
    mapfile -t heads < <(expected_heads)
    main_db=$db db=$db_schema
    if apply "$work/schema.sql" "schema --dialect $d"; then
        if compare_catalog "$d" "$db" "$migc" "$proj" "$vt" "schema --dialect $d" "${heads[@]}"; then
            ok "schema --dialect $d: catalog matches the model at ${heads[*]}"
        else
            fail "schema --dialect $d"
        fi
    fi
    db=$main_db
fi

if [ $failures -eq 0 ]; then
    echo "PASS $name on $d"
    exit 0
fi
echo "FAILED $name on $d: $failures problem(s); database $db and files in $work kept"
exit 1
