#!/usr/bin/env bash
# chain.sh MIGC GEN_PROJECT N SEED DIALECT: a generated chain on a real engine.
#
# bench/gen_project writes N chained migrations (tables, columns, type and
# default changes, indexes, constraints, enums, seed rows, renames and drops
# in the mixes a long-lived project accumulates); samples.sh then walks them
# on the engine revision by revision, up and down, checking the catalog
# against the model at every step, and runs the bundles and `schema
# --dialect`.  Generated tables have no hand-written rows file, so that part
# of samples.sh is left out (--no-rows); the migrations' own data_insert
# rows are in the tables throughout, so every rebuild, type change and new
# constraint runs against real rows.
#
# Exit 0 pass, 1 fail, 77 skip (engine unavailable, outside CI).
set -uo pipefail
migc=$1 gen=$2 n=$3 seed=$4 d=$5
work=$(mktemp -d "${MIGC_ENGINE_WORK:-${TMPDIR:-/tmp}}/chain-$d.XXXXXX")
proj=$work/chain_${n}_$seed
"$gen" "$n" "$proj" "$seed" >/dev/null || { echo "FAIL: $gen $n $proj $seed"; exit 1; }
bash "$(dirname "$0")/samples.sh" "$migc" "$proj" "$d" --no-rows
status=$?
[ $status -eq 0 ] && rm -rf "$work"
exit $status
