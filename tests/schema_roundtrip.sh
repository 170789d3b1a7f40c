#!/usr/bin/env bash
# schema_roundtrip.sh MIGC PROJECT: `migc schema` must be a fixed point.
# The schema of PROJECT, written as the only migration of a new project,
# must replay to the same schema: `migc schema` there prints the same text
# (the first two lines, the title naming the revision, aside).
set -u
migc=$1 project=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL [schema roundtrip] $project: $*"; exit 1; }

mkdir -p "$tmp/project/migrations"
"$migc" --color never -C "$project" schema >"$tmp/first.mig" 2>"$tmp/first.err" ||
    { cat "$tmp/first.err"; fail "migc schema failed on the project"; }
[ -s "$tmp/first.mig" ] || fail "migc schema printed nothing"
cp "$tmp/first.mig" "$tmp/project/migrations/schema.mig"
"$migc" --color never -C "$tmp/project" schema >"$tmp/second.mig" 2>"$tmp/second.err" ||
    { cat "$tmp/second.err"; fail "the printed schema does not replay as a migration"; }
diff -u <(tail -n +3 "$tmp/first.mig") <(tail -n +3 "$tmp/second.mig") ||
    fail "the schema replayed from its own output differs (diff above)"
exit 0
