#!/usr/bin/env bash
# report_check.sh MIGC SARIF_CHECK: `migc lint|check --format sarif|json` on
# inputs with several findings (errors, warnings, an info, a syntax error;
# a plain .sql file and a .mig project), each report checked structurally by
# SARIF_CHECK (tests/tools/sarif_check.c).  A file with errors exits 1; the
# report is still the whole of stdout.
set -u
migc=$1 check=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL report_check: $*"; exit 1; }

# --------------------------------------------------------------- the inputs
cat >"$tmp/several.sql" <<'EOF'
-- Ünïcode before the findings: columns count characters, not bytes
DROP TABLE légacy;
ALTER TABLE users DROP COLUMN legacy, ADD COLUMN token uuid DEFAULT gen_random_uuid();
CREATE INDEX ix_users_email ON users (email);
ALTER TYPE mood ADD VALUE 'calm' BEFORE 'sad';
UPDATE users SET score = 0;
EOF
printf 'SELECT 1;\nSELEC 2;\n' >"$tmp/broken.sql"
mkdir -p "$tmp/p/migrations"
cat >"$tmp/p/migrations/0_setup.mig" <<'EOF'
migration "setup"
revision setup
revises none

create_enum mood ('happy', 'sad');
create_table users (id bigint primary key identity, email text, legacy text, mood mood);
EOF
cat >"$tmp/p/migrations/1_case.mig" <<'EOF'
migration "several findings"
revision case
revises setup

drop_column users.legacy;
create_index ix_users_email on users (email);
alter_enum mood add value 'calm' before 'sad';
@allow drop-colum "a typo"
add_column users.nick text;
EOF

# ------------------------------------------------------------------ the runs
# run NAME MIN ARGS...: migc ARGS --format F must exit 1 and print a valid
# report with at least MIN findings, for F in sarif and json.
run() {
    local name=$1 min=$2
    shift 2
    for fmt in sarif json; do
        "$migc" --color never "$@" --format "$fmt" >"$tmp/$name.$fmt" 2>"$tmp/$name.$fmt.err"
        local status=$?
        [ $status -eq 1 ] || { cat "$tmp/$name.$fmt.err"; fail "$name: migc $* --format $fmt exited $status, expected 1"; }
        [ -s "$tmp/$name.$fmt.err" ] && { cat "$tmp/$name.$fmt.err"; fail "$name: --format $fmt wrote to stderr"; }
        "$check" "$fmt" "$tmp/$name.$fmt" "$min" || fail "$name: the $fmt report is malformed"
    done
}

(cd "$tmp" && run sql 6 lint several.sql) || exit 1
(cd "$tmp" && run syntax 1 lint broken.sql) || exit 1
run project 5 -C "$tmp/p" lint
run check 5 -C "$tmp/p" check
grep -q '"ruleId":[[:space:]]*"sql-syntax"' "$tmp/syntax.sarif" || fail "the syntax error is not in the SARIF results"
grep -q '"startLine":[[:space:]]*2,' "$tmp/syntax.sarif" || fail "the syntax error is not on line 2"
exit 0
