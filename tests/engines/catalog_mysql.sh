#!/usr/bin/env bash
# catalog_mysql.sh DATABASE [EXCLUDED_TABLE]: the schema of a MariaDB (MySQL)
# database as `migc schema --format catalog --dialect mysql` prints a model:
# one fact a line, sorted (C locale), in information_schema's vocabulary.
#
#   table T COLLATION
#   column T.C COLUMN_TYPE null|not null default|no default|identity
#   constraint T PRIMARY primary key (C, ...)
#   index T NAME [unique] (C, ...)     (unique constraints too: MySQL keeps them as indexes)
#   constraint T NAME check            (table checks; MariaDB's own column checks, e.g.
#                                       json_valid() of a JSON column, are left out)
#   constraint T NAME foreign key (C, ...) references RT (RC, ...) on delete A on update A
#
# The index MySQL makes under a foreign key takes the foreign key's name: an
# index named as a foreign key of its table is not listed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
load_engines
db=$1 exclude=${2:-}
ex=${exclude//\'/\'\'}
ex=${ex//\\/\\\\}

my_client "$db" -N -B -r <<SQL | LC_ALL=C sort
SET SESSION group_concat_max_len = 1000000;
SELECT CONCAT('table ', TABLE_NAME, ' ', TABLE_COLLATION) FROM information_schema.TABLES
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> '$ex'
UNION ALL
SELECT CONCAT('column ', TABLE_NAME, '.', COLUMN_NAME, ' ', COLUMN_TYPE,
              IF(IS_NULLABLE = 'YES', ' null', ' not null'),
              IF(EXTRA LIKE '%auto_increment%', ' identity',
                 IF(COLUMN_DEFAULT IS NULL OR COLUMN_DEFAULT = 'NULL', ' no default', ' default')))
FROM information_schema.COLUMNS c WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> '$ex'
  AND EXISTS (SELECT 1 FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = c.TABLE_SCHEMA
              AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE')
UNION ALL
SELECT CONCAT(IF(s.INDEX_NAME = 'PRIMARY', 'constraint ', 'index '), s.TABLE_NAME, ' ', s.INDEX_NAME,
              IF(s.INDEX_NAME = 'PRIMARY', ' primary key', IF(MAX(s.NON_UNIQUE) = 0, ' unique', '')),
              ' (', GROUP_CONCAT(s.COLUMN_NAME ORDER BY s.SEQ_IN_INDEX SEPARATOR ', '), ')')
FROM information_schema.STATISTICS s
WHERE s.TABLE_SCHEMA = DATABASE() AND s.TABLE_NAME <> '$ex'
  AND NOT EXISTS (SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS r
                  WHERE r.CONSTRAINT_SCHEMA = s.TABLE_SCHEMA AND r.TABLE_NAME = s.TABLE_NAME
                    AND r.CONSTRAINT_NAME = s.INDEX_NAME)
GROUP BY s.TABLE_NAME, s.INDEX_NAME
UNION ALL
SELECT CONCAT('constraint ', r.TABLE_NAME, ' ', r.CONSTRAINT_NAME, ' foreign key (',
              GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '), ') references ',
              r.REFERENCED_TABLE_NAME, ' (',
              GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '),
              ') on delete ', LOWER(r.DELETE_RULE), ' on update ', LOWER(r.UPDATE_RULE))
FROM information_schema.REFERENTIAL_CONSTRAINTS r
JOIN information_schema.KEY_COLUMN_USAGE k
  ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND k.TABLE_NAME = r.TABLE_NAME AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME
WHERE r.CONSTRAINT_SCHEMA = DATABASE() AND r.TABLE_NAME <> '$ex'
GROUP BY r.TABLE_NAME, r.CONSTRAINT_NAME, r.REFERENCED_TABLE_NAME, r.DELETE_RULE, r.UPDATE_RULE
UNION ALL
SELECT CONCAT('constraint ', TABLE_NAME, ' ', CONSTRAINT_NAME, ' check') FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA = DATABASE() AND LEVEL = 'Table' AND TABLE_NAME <> '$ex';
SQL
