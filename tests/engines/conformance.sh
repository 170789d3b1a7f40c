#!/usr/bin/env bash
# conformance.sh MIGC DIALECT [CASE...]: every operation on a real engine.
# conformance.sh --table RESULTS_DIR: the table of every dialect's results.
#
# Each case is tests/engines/ops/CASE.mig, one migration on top of a setup
# (CASE.setup.mig, or the file a `-- setup: NAME` line names, NAME.setup.mig;
# none: the case is the first migration).  On a fresh database: the setup's
# upgrade files (their rows too), the case's upgrade file, the catalog
# compared with the model after the case; its downgrade file, the catalog
# compared with the model before it; its upgrade file again, compared again.
# A `-- data:` line says what must hold of the rows (tables with rows, each
# as a row count and an md5 of its rows, names left out so renames match):
#   rows   the same counts at every step      up     after up = before
#   down   after down = before                again  after up again = after up
#   kept   after down = after up              none   nothing is checked
# A `-- catalog-down-filter: SED` line edits both catalogs before the
# comparison after the downgrade (for a documented, accepted difference).
#
# A result per case: pass, fail, or n.a. when compiling for the dialect
# fails with error[dialect-unsupported] (a clear refusal is allowed).  The
# results go to $MIGC_ENGINE_RESULTS/conformance.DIALECT.tsv; the run fails
# when any case fails.  Exit 77 (skip) when the engine is unavailable.
set -uo pipefail
[ -n "${MIGC_ENGINE_TRACE:-}" ] && { PS4='+ $EPOCHREALTIME '; set -x; }
. "$(dirname "$0")/lib.sh"
ops=$ENGINES_DIR/ops
dialects=(postgresql mysql sqlite)

# ------------------------------------------------------------------ table
print_table() { # RESULTS_DIR: prints the table; fails on any fail (missing:
    # that dialect's conformance test did not run)
    local dir=$1 bad=0 c d cell width=38
    declare -A res=()
    local cases=()
    for c in "$ops"/*.mig; do
        case $c in *.setup.mig) continue ;; esac
        cases+=("$(basename "$c" .mig)")
    done
    for d in "${dialects[@]}"; do
        [ -f "$dir/conformance.$d.tsv" ] || continue
        while IFS=$'\t' read -r c dd r _; do res[$c/$dd]=$r; done <"$dir/conformance.$d.tsv"
    done
    printf "%-${width}s %-11s %-11s %-11s\n" "operation (tests/engines/ops)" "${dialects[@]}"
    printf '%s\n' "$(printf '%*s' $((width + 36)) '' | tr ' ' '-')"
    for c in "${cases[@]}"; do
        printf "%-${width}s" "$c"
        for d in "${dialects[@]}"; do
            cell=${res[$c/$d]:-missing}
            [ "$cell" = fail ] && bad=1
            [ "$cell" = fail ] && cell=FAIL
            printf " %-11s" "$cell"
        done
        printf '\n'
    done
    for d in "${dialects[@]}"; do
        local p=0 f=0 n=0 s=0
        for c in "${cases[@]}"; do
            case ${res[$c/$d]:-missing} in pass) p=$((p + 1)) ;; n.a.) n=$((n + 1)) ;; skip) s=$((s + 1)) ;; *) f=$((f + 1)) ;; esac
        done
        local when=never
        [ -f "$dir/conformance.$d.tsv" ] && when=$(date -r "$dir/conformance.$d.tsv" '+%Y-%m-%d %H:%M:%S')
        echo "$d: $p pass, $n n.a., $s skipped, $f fail or missing (results of $when)"
    done
    return $bad
}

if [ "${1:-}" = --table ]; then
    print_table "$2"
    exit $?
fi

# ------------------------------------------------------------------- run
migc=$1 d=$2; shift 2
load_engines
results=${MIGC_ENGINE_RESULTS:-$PWD}
mkdir -p "$results"
tsv=$results/conformance.$d.tsv
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
    for c in "$ops"/*.mig; do
        case $c in *.setup.mig) continue ;; esac
        cases+=("$(basename "$c" .mig)")
    done
fi
if ! why=$(engine_status "$d"); then
    for c in "${cases[@]}"; do printf '%s\t%s\tskip\t%s\n' "$c" "$d" "$why"; done >"$tsv"
    if engines_required; then echo "FAIL: $d is required here but unavailable: $why"; exit 1; fi
    echo "SKIP: $d unavailable: $why"; exit $SKIP
fi
work=$(mktemp -d "${MIGC_ENGINE_WORK:-${TMPDIR:-/tmp}}/conformance-$d.XXXXXX")

directive() { # CASE_FILE KEY: the value of a `-- KEY: value` line
    sed -n "s/^-- $2:[[:space:]]*//p" "$1" | head -n 1
}

# run_case CASE: prints its log; sets RESULT (pass|fail|n.a.) and DETAIL
run_case() {
    local c=$1 file=$ops/$1.mig setup='' p w db='' out mode filter
    local ups=() i stage heads_before=() rev parents
    local d0 d1 d2 d3 problems=()
    RESULT=fail DETAIL=''
    w=$work/$c
    p=$w/p
    mkdir -p "$p/migrations"
    printf '[lint]\ndefault = off\nirreversible = error\n' >"$p/migc.ini"
    if [ -f "$ops/$c.setup.mig" ]; then setup=$ops/$c.setup.mig
    elif [ -n "$(directive "$file" setup)" ]; then setup=$ops/$(directive "$file" setup).setup.mig; fi
    [ -n "$setup" ] && cp "$setup" "$p/migrations/0_setup.mig"
    cp "$file" "$p/migrations/1_case.mig"
    mode=$(directive "$file" data)
    filter=$(directive "$file" catalog-down-filter)
    [ -n "$mode" ] || { DETAIL="no '-- data:' line in $file"; return; }

    if ! out=$("$migc" --color never -C "$p" compile --dialect "$d" --out "$w/out" 2>&1); then
        # n.a. only when every error is the dialect's refusal
        if grep -q "error\[dialect-unsupported\]" <<<"$out" && ! grep -E ': error\[' <<<"$out" | grep -qv 'error\[dialect-unsupported\]'; then
            RESULT=n.a. DETAIL=$(grep -m1 "error\[dialect-unsupported\]" <<<"$out" | sed 's/.*error\[dialect-unsupported\]: //')
        else
            DETAIL="compile failed: $(grep -m1 'error' <<<"$out")"
        fi
        echo "$out" | grep -A3 'error' | head -n 12 | sed 's/^/    /'
        return
    fi
    mapfile -t ups < <(ls "$w/out/$d/revisions/"*.up.sql | LC_ALL=C sort)
    local case_up=${ups[${#ups[@]} - 1]}
    local case_down=${case_up%.up.sql}.down.sql
    read -r rev parents < <(revision_of "$case_up")
    read -r -a heads_before <<<"$parents"
    db=$(db_new "$d" "migc_ops_$c" "$w") || { DETAIL="cannot create a database"; return; }

    apply_step() { # FILE STAGE
        local err
        if ! err=$(db_apply "$d" "$db" "$1" 2>&1); then
            problems+=("$2: $(basename "$1") failed: $(echo "$err" | grep -v '^$' | head -n 3 | tr '\n' ' ')")
            echo "    $2: $(basename "$1") failed on $d:"; echo "$err" | head -n 15 | sed 's/^/      /'
            return 1
        fi
        local bad
        bad=$(db_integrity "$d" "$db")
        [ -z "$bad" ] || { problems+=("$2: $bad"); echo "    $2: $bad"; }
        return 0
    }
    compare_step() { # STAGE FILTER REV...
        local stage=$1 flt=$2 model engine; shift 2
        local revs=("$@")
        [ ${#revs[@]} -eq 0 ] && revs=(base)
        model=$("$migc" --color never -C "$p" schema "${revs[@]}" --format catalog --dialect "$d" 2>&1) ||
            { problems+=("$stage: migc schema failed"); return 1; }
        engine=$(catalog "$d" "$db" migc_version)
        if [ -n "$flt" ]; then model=$(sed "$flt" <<<"$model"); engine=$(sed "$flt" <<<"$engine"); fi
        if [ "$model" != "$engine" ]; then
            local diffs
            diffs=$(diff <(echo "$model") <(echo "$engine") | sed -n 's/^</-/p; s/^>/+/p')
            problems+=("$stage: catalog differs (- model at ${revs[*]}, + $d): $(echo "$diffs" | tr '\n' ';' | sed 's/;$//')")
            echo "    $stage: catalog differs (- model at ${revs[*]}, + $d):"; echo "$diffs" | sed 's/^/      /'
            return 1
        fi
    }

    for ((i = 0; i < ${#ups[@]} - 1; i++)); do
        apply_step "${ups[$i]}" setup || { DETAIL="${problems[*]}"; return; }
    done
    [ ${#ups[@]} -gt 1 ] && compare_step setup '' "${heads_before[@]}"
    d0=$(data_digests "$d" "$db" migc_version)
    if apply_step "$case_up" up; then
        compare_step up '' "$rev"
        d1=$(data_digests "$d" "$db" migc_version)
        if apply_step "$case_down" down; then
            compare_step down "$filter" "${heads_before[@]}"
            if [ ${#heads_before[@]} -eq 0 ]; then
                local left
                left=$(db_leftovers "$d" "$db")
                [ -z "$left" ] || problems+=("down: left behind: $(echo "$left" | tr '\n' ' ')")
            fi
            d2=$(data_digests "$d" "$db" migc_version)
            if apply_step "$case_up" "up again"; then
                compare_step "up again" '' "$rev"
                d3=$(data_digests "$d" "$db" migc_version)
                local v0 v1 v2 v3 check
                v0=$(digest_values "$d0") v1=$(digest_values "$d1") v2=$(digest_values "$d2") v3=$(digest_values "$d3")
                for check in $mode; do
                    case $check in
                    rows)
                        local n0 n1 n2 n3
                        n0=$(awk '{print $1}' <<<"$v0" | sort -n | tr '\n' ' ')
                        n1=$(awk '{print $1}' <<<"$v1" | sort -n | tr '\n' ' ')
                        n2=$(awk '{print $1}' <<<"$v2" | sort -n | tr '\n' ' ')
                        n3=$(awk '{print $1}' <<<"$v3" | sort -n | tr '\n' ' ')
                        [ "$n0" = "$n1" ] && [ "$n0" = "$n2" ] && [ "$n0" = "$n3" ] ||
                            problems+=("rows: row counts before/up/down/again: [$n0] [$n1] [$n2] [$n3]") ;;
                    up) [ "$v0" = "$v1" ] || problems+=("data: the upgrade changed the rows") ;;
                    down) [ "$v0" = "$v2" ] || problems+=("data: the downgrade did not give the rows back as they were") ;;
                    again) [ "$v1" = "$v3" ] || problems+=("data: upgrading again gave other rows than the first upgrade") ;;
                    kept) [ "$v1" = "$v2" ] || problems+=("data: the downgrade changed the rows the upgrade left") ;;
                    none) ;;
                    *) problems+=("unknown data check '$check'") ;;
                    esac
                done
                if [[ " ${problems[*]} " == *"data:"* ]] || [[ " ${problems[*]} " == *"rows:"* ]]; then
                    echo "    rows (table rows md5) before:"; echo "$d0" | sed 's/^/      /'
                    echo "    after up:"; echo "$d1" | sed 's/^/      /'
                    echo "    after down:"; echo "$d2" | sed 's/^/      /'
                    echo "    after up again:"; echo "$d3" | sed 's/^/      /'
                fi
            fi
        fi
    fi
    if [ ${#problems[@]} -eq 0 ]; then
        RESULT=pass
        db_drop "$d" "$db" >/dev/null 2>&1
        rm -rf "$w"
    else
        DETAIL=$(printf '%s | ' "${problems[@]}")
        DETAIL=${DETAIL% | }
        echo "    (kept: database $db, files in $w)"
    fi
}

: >"$tsv"
pass=0 fail=0 na=0
for c in "${cases[@]}"; do
    [ -f "$ops/$c.mig" ] || { echo "no case $c"; exit 2; }
    run_case "$c"
    printf '%-6s %-38s %s\n' "$RESULT" "$c" "${DETAIL:0:300}"
    printf '%s\t%s\t%s\t%s\n' "$c" "$d" "$RESULT" "${DETAIL//$'\t'/ }" >>"$tsv"
    case $RESULT in pass) pass=$((pass + 1)) ;; n.a.) na=$((na + 1)) ;; *) fail=$((fail + 1)) ;; esac
done
[ $fail -eq 0 ] && rm -rf "$work"
echo
echo "conformance on $d: $pass pass, $na n.a. (refused with error[dialect-unsupported]), $fail fail"
[ $fail -eq 0 ]
