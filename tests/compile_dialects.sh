#!/usr/bin/env bash
# compile_dialects.sh MIGC PROJECT: compile makes the dialects migc.ini
# names (one, two), --dialect overrides them, and the summary line names
# what was made.
set -uo pipefail
migc=$1 project=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
# run DIALECTS_LINE EXPECTED_FOLDERS EXPECTED_NAMES [ARGS...]
run() {
    local line=$1 folders=$2 names=$3
    shift 3
    rm -rf "$tmp/p" "$tmp/out"
    cp -r "$project" "$tmp/p"
    printf '[migc]\nmigrations = migrations\n%s\n' "$line" >"$tmp/p/migc.ini"
    local out got
    out=$("$migc" -C "$tmp/p" compile --out "$tmp/out" "$@" 2>/dev/null)
    got=$(cd "$tmp/out" && ls -d */ | tr -d / | tr '\n' ' ')
    if [ "$got" != "$folders" ]; then echo "FAIL ($line $*): folders '$got', expected '$folders'"; fail=1; fi
    if [[ $out != *" for $names into "* ]]; then echo "FAIL ($line $*): '$out' does not say 'for $names'"; fail=1; fi
}
run "dialects = sqlite" "sqlite " "sqlite"
run "dialects = postgresql, mysql" "mysql postgresql " "postgresql and mysql"
run "" "mysql postgresql sqlite " "all dialects"
run "dialects = sqlite" "mysql " "mysql" --dialect mysql
[ $fail -eq 0 ] && echo "compile dialects: migc.ini's, and --dialect over them"
exit $fail
