#!/usr/bin/env bash
# lint_sql_recovery.sh MIGC: a large .sql file (parsed in slices of about
# 256 KiB) with a syntax error in the middle still has the hazards of the
# slices before the error reported, beside the error itself.
set -uo pipefail
migc=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
    echo 'ALTER TABLE users DROP COLUMN legacy;'
    for i in $(seq 12000); do echo "ALTER TABLE t$i ADD COLUMN c text;"; done
    echo 'SELEC 1;'
    for i in $(seq 12000); do echo "ALTER TABLE u$i ADD COLUMN c text;"; done
} >"$tmp/big.sql"
out=$("$migc" --color never lint "$tmp/big.sql" 2>&1)
status=$?
fail=0
[ $status -eq 1 ] || { echo "FAIL: exit $status, expected 1"; fail=1; }
grep -q 'big.sql:12002:1: error\[sql-syntax\]' <<<"$out" || { echo "FAIL: no syntax error at 12002:1"; fail=1; }
grep -q 'big.sql:1:31: error\[drop-column\]' <<<"$out" || { echo "FAIL: the drop-column before the error is not reported"; fail=1; }
[ $fail -eq 0 ] && echo "lint recovery: the error and the hazard before it are both reported"
exit $fail
