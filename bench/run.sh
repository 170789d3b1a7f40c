#!/usr/bin/env bash
# run.sh: benchmark migc on a generated project.
#
#   bench/run.sh [N] [COMMAND]
#
# Generates N chained migrations (default 10000) into bench/out/N with
# build/bench/gen_project, then times `migc -C bench/out/N COMMAND` (default
# `check`; e.g. "compile --dialect all --out /tmp/x"): the median wall time of
# RUNS runs (default 10) after one warm-up run, with hyperfine when installed,
# and the peak RSS of one run with /usr/bin/time when it is there.
# It builds nothing: build first with
#   cmake -S . -B build && cmake --build build -j2
# Environment: RUNS, SEED (gen_project's seed), MIGC and GEN_PROJECT (binaries).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-10000}
command=${2:-check}
runs=${RUNS:-10}
seed=${SEED:-1}
migc=${MIGC:-$root/build/migc}
gen=${GEN_PROJECT:-$root/build/bench/gen_project}
project=$root/bench/out/$n

die() {
    echo "bench/run.sh: $*" >&2
    exit 1
}

[[ $n =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$n'"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, got '$runs'"
for bin in "$migc" "$gen"; do
    [[ -x $bin ]] || die "$bin is missing; build first: cmake -S . -B build && cmake --build build -j2"
done
read -r -a words <<<"$command"
((${#words[@]} > 0)) || die "empty COMMAND"
cmd=("$migc" -C "$project" "${words[@]}")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# ------------------------------------------------------------------ the input
# Always regenerated: the generator refuses a non-empty directory, and a
# stale project from an older generator would measure something else.
rm -rf "$project"
"$gen" "$n" "$project" "$seed" >/dev/null
files=$(find "$project/migrations" -name '*.mig' | wc -l)
# An operation ends with ';' at the end of a line; header lines, comments,
# @allow lines and lines inside create_table and data_insert do not.
read -r bytes ops < <(find "$project/migrations" -name '*.mig' -exec cat {} + |
    LC_ALL=C awk '{ bytes += length($0) + 1 } /;[ \t]*$/ { ops++ } END { print bytes + 0, ops + 0 }')

# ------------------------------------------------------------ a checked run
# One run first, also the warm-up: a failing command is reported, not timed.
status=0
"${cmd[@]}" >"$scratch/out" 2>&1 || status=$?
if ((status != 0)); then
    echo "bench/run.sh: '${cmd[*]}' exited with $status; nothing measured. Its last lines:" >&2
    tail -n 20 "$scratch/out" >&2
    exit "$status"
fi

# --------------------------------------------------------------- wall time
if command -v hyperfine >/dev/null; then
    timer="hyperfine, $runs runs after 1 warm-up"
    hyperfine --shell=none --warmup 1 --runs "$runs" --style none \
        --export-json "$scratch/times.json" -- "$(printf '%q ' "${cmd[@]}")" >/dev/null
    median=$(sed -n 's/^ *"median": *\([0-9.eE+-]*\),*$/\1/p' "$scratch/times.json" | head -n 1)
    median=$(awk -v s="$median" 'BEGIN { printf "%.3f", s }')
else
    timer="date +%s%N loop, $runs runs after 1 warm-up"
    for ((i = 0; i < runs; i++)); do
        start=$(date +%s%N)
        "${cmd[@]}" >/dev/null 2>&1
        end=$(date +%s%N)
        echo $((end - start))
    done | sort -n >"$scratch/times"
    median=$(awk '{ t[NR] = $1 } END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2;
                   printf "%.3f", m / 1e9 }' "$scratch/times")
fi

# ------------------------------------------------------------- peak memory
rss=n/a
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M -o "$scratch/rss" "${cmd[@]}" >/dev/null 2>&1; then
    rss=$(tail -n 1 "$scratch/rss")
    [[ $rss =~ ^[0-9]+$ ]] || rss=n/a
fi

# ----------------------------------------------------------------- report
echo "measured: migc -C bench/out/$n $command"
echo "  wall time: median of $timer; max RSS: one run, /usr/bin/time -f %M (KiB)"
echo "  input: bench/out/$n, made by gen_project $n (seed $seed)"
printf '%-8s %-8s %-12s %-10s %-10s %s\n' N files bytes operations median_s max_rss_kib
printf '%-8s %-8s %-12s %-10s %-10s %s\n' "$n" "$files" "$bytes" "$ops" "$median" "$rss"
