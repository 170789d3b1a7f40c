#!/usr/bin/env bash
# catalog_postgresql.sh DATABASE [EXCLUDED_TABLE]: the schema of a PostgreSQL
# database (its public schema) as `migc schema --format catalog --dialect
# postgresql` prints a model: one fact a line, sorted (C locale).
#
#   table T
#   column T.C TYPE null|not null default|no default|identity
#   index T NAME [unique] (C, ...) [where]        (indexes backing no constraint)
#   constraint T NAME primary key (C, ...)
#   constraint T NAME unique (C, ...)
#   constraint T NAME check [not valid]
#   constraint T NAME foreign key (C, ...) references RT (RC, ...) on delete A on update A [not valid]
#   enum NAME ('label', ...)
#
# Types as format_type prints them, enums by their bare name; default
# expressions, check and index predicates only by their presence.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
load_engines
db=$1 exclude=${2:-}

pg_client "$db" -A -t -v exclude="$exclude" <<'SQL' | LC_ALL=C sort
WITH t AS (
    SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> :'exclude'
), cols AS (
    SELECT a.attrelid, a.attnum, a.attname FROM pg_attribute a JOIN t ON t.oid = a.attrelid
    WHERE a.attnum > 0 AND NOT a.attisdropped
), action(code, word) AS (
    VALUES ('a', 'no action'), ('r', 'restrict'), ('c', 'cascade'), ('n', 'set null'), ('d', 'set default')
)
SELECT 'table ' || relname FROM t
UNION ALL
SELECT 'column ' || t.relname || '.' || a.attname || ' '
    || CASE WHEN ty.typtype = 'e' THEN ty.typname ELSE format_type(a.atttypid, a.atttypmod) END
    || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
    || CASE WHEN a.attidentity <> '' THEN ' identity' WHEN a.atthasdef THEN ' default' ELSE ' no default' END
FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type ty ON ty.oid = a.atttypid
UNION ALL
SELECT 'index ' || t.relname || ' ' || ic.relname || CASE WHEN i.indisunique THEN ' unique' ELSE '' END || ' ('
    || (SELECT string_agg(coalesce(c.attname, '<expr>'), ', ' ORDER BY k.ord)
        FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
        LEFT JOIN cols c ON c.attrelid = t.oid AND c.attnum = k.attnum) || ')'
    || CASE WHEN i.indpred IS NOT NULL THEN ' where' ELSE '' END
FROM t JOIN pg_index i ON i.indrelid = t.oid JOIN pg_class ic ON ic.oid = i.indexrelid
WHERE NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conrelid = t.oid AND co.conindid = i.indexrelid)
UNION ALL
SELECT 'constraint ' || t.relname || ' ' || co.conname || ' '
    || CASE co.contype
       WHEN 'p' THEN 'primary key'
       WHEN 'u' THEN 'unique'
       WHEN 'c' THEN 'check'
       WHEN 'f' THEN 'foreign key'
       ELSE 'other ' || co.contype::text END
    || CASE WHEN co.contype IN ('p', 'u', 'f') THEN ' ('
        || (SELECT string_agg(c.attname, ', ' ORDER BY k.ord) FROM unnest(co.conkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN cols c ON c.attrelid = t.oid AND c.attnum = k.attnum) || ')' ELSE '' END
    || CASE WHEN co.contype = 'f' THEN ' references ' || rt.relname || ' ('
        || (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(co.confkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.attnum) || ')'
        || ' on delete ' || (SELECT word FROM action WHERE code = co.confdeltype)
        || ' on update ' || (SELECT word FROM action WHERE code = co.confupdtype) ELSE '' END
    || CASE WHEN NOT co.convalidated THEN ' not valid' ELSE '' END
FROM t JOIN pg_constraint co ON co.conrelid = t.oid
LEFT JOIN pg_class rt ON rt.oid = co.confrelid
WHERE co.contype <> 'n'
UNION ALL
SELECT 'enum ' || ty.typname || ' ('
    || string_agg('''' || replace(e.enumlabel, '''', '''''') || '''', ',' ORDER BY e.enumsortorder) || ')'
FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace JOIN pg_enum e ON e.enumtypid = ty.oid
WHERE n.nspname = 'public'
GROUP BY ty.typname;
SQL
