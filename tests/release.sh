#!/usr/bin/env bash
# release.sh MIGC PROJECT: the release workflow on a copy of PROJECT.
# `release` records every migration; check passes; an edit to a released
# file fails check and compile (which then writes nothing); `release
# --accept` records the edit and check passes again; a new migration is not
# released until the next `release`.
set -euo pipefail
migc=$1 project=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$project" "$tmp/p"
cd "$tmp/p"
rm -f migc.sum
fail() { echo "FAIL: $*"; exit 1; }

"$migc" --color never release >/dev/null || fail "release exited $?"
[ -f migc.sum ] || fail "release wrote no migc.sum"
n=$(ls migrations/*.mig | wc -l)
[ "$(grep -vc '^#' migc.sum)" -eq "$n" ] || fail "migc.sum does not list the $n migrations"
"$migc" --color never check >/dev/null 2>&1 || fail "check fails right after release"

first=$(ls migrations/*.mig | head -n 1)
echo "-- an edit after the release" >>"$first"
if "$migc" --color never check >/dev/null 2>"$tmp/err"; then fail "check passes with an edited released migration"; fi
grep -q 'error\[released-migration-changed\]' "$tmp/err" || fail "check did not say which migration changed"
if "$migc" --color never compile --out "$tmp/out" >/dev/null 2>&1; then fail "compile passes with an edited released migration"; fi
[ ! -e "$tmp/out" ] || fail "compile wrote artifacts although it failed"

"$migc" --color never release --accept >/dev/null || fail "release --accept exited $?"
"$migc" --color never check >/dev/null 2>&1 || fail "check fails after release --accept"

before=$(cat migc.sum)
"$migc" --color never release >/dev/null
[ "$before" = "$(cat migc.sum)" ] || fail "a second release changed migc.sum"
echo "release: the workflow holds on $project"
