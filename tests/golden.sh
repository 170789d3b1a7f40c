#!/usr/bin/env bash
# golden.sh KIND MIGC CASE: runs one golden case and diffs it against the
# expected file beside it.  MIGC_UPDATE_GOLDEN=1 rewrites the expected file
# instead (review the diff before committing it).
#
#   ir    CASE.mig -> CASE.ir   `migc parse --dump-ir`, must exit 0
#   err   CASE.mig -> CASE.err  `migc parse`, must exit 1, stdout empty,
#                               stderr is the full diagnostic text
set -u
kind=$1 migc=$2 case=$3
dir=$(dirname "$case") base=$(basename "$case" .mig)
cd "$dir" || exit 2
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

fail() { echo "FAIL [$kind] $base: $*"; exit 1; }

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
