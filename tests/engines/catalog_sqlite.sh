#!/usr/bin/env bash
# catalog_sqlite.sh FILE [EXCLUDED_TABLE]: the schema of a SQLite database as
# `migc schema --format catalog --dialect sqlite` prints a model: one fact a
# line, sorted (C locale), in the vocabulary of SQLite's PRAGMAs.
#
#   table T
#   column T.C DECLARED_TYPE null|not null default|no default   (table_info)
#   constraint T primary key (C, ...)                 (table_info pk positions)
#   constraint T unique (C, ...)                      (index_list origin 'u'; no names)
#   index T NAME [unique] (C, ...) [where]            (index_list origin 'c')
#   constraint T foreign key (C, ...) references RT (RC, ...) on delete A on update A
#                                                     (foreign_key_list; no names)
#
# SQLite keeps no names for table constraints and no enum types; checks are
# not compared.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
load_engines
db=$1 exclude=${2:-}
ex=${exclude//\'/\'\'}

sq_client "$db" <<SQL | LC_ALL=C sort
CREATE TEMP VIEW migc_t AS SELECT name FROM sqlite_schema
WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name <> '$ex';
SELECT 'table ' || name FROM migc_t
UNION ALL
SELECT 'column ' || t.name || '.' || c.name || ' ' || c.type
       || CASE WHEN c."notnull" THEN ' not null' ELSE ' null' END
       || CASE WHEN c.dflt_value IS NOT NULL THEN ' default' ELSE ' no default' END
FROM migc_t t, pragma_table_info(t.name) c
UNION ALL
SELECT 'constraint ' || t.name || ' primary key ('
       || (SELECT group_concat(name, ', ') FROM (SELECT name FROM pragma_table_info(t.name) WHERE pk > 0 ORDER BY pk)) || ')'
FROM migc_t t WHERE EXISTS (SELECT 1 FROM pragma_table_info(t.name) WHERE pk > 0)
UNION ALL
SELECT CASE WHEN il.origin = 'u' THEN 'constraint ' || t.name || ' unique'
            ELSE 'index ' || t.name || ' ' || il.name || CASE WHEN il."unique" THEN ' unique' ELSE '' END END
       || ' (' || (SELECT group_concat(coalesce(name, '<expr>'), ', ') FROM (SELECT name FROM pragma_index_info(il.name) ORDER BY seqno)) || ')'
       || CASE WHEN il.partial THEN ' where' ELSE '' END
FROM migc_t t, pragma_index_list(t.name) il WHERE il.origin IN ('u', 'c')
UNION ALL
SELECT 'constraint ' || t.name || ' foreign key ('
       || (SELECT group_concat("from", ', ') FROM (SELECT "from" FROM pragma_foreign_key_list(t.name) WHERE id = f.id ORDER BY seq))
       || ') references ' || f."table" || ' ('
       || (SELECT group_concat(coalesce("to", '<pk>'), ', ') FROM (SELECT "to" FROM pragma_foreign_key_list(t.name) WHERE id = f.id ORDER BY seq))
       || ') on delete ' || lower(f.on_delete) || ' on update ' || lower(f.on_update)
FROM migc_t t, pragma_foreign_key_list(t.name) f WHERE f.seq = 0;
SQL
