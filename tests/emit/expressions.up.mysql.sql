-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: the expression corpus
-- migrations/1_case.mig (structure-only)

-- line 9: add_constraint
ALTER TABLE t ADD CONSTRAINT ck_t_logic CHECK ((a = 1 OR a <> 2 OR a <> 3 OR a < 4 OR a <= 5 OR a > 6 OR a >= 7) AND NOT (b IS NULL AND c IS NOT NULL AND a > 0) AND (s LIKE 'x%' OR s NOT LIKE '%\\_%' OR s IS NULL) AND (a BETWEEN (-10) AND 10 OR a NOT BETWEEN 100 AND 200 OR a IS NULL) AND (v IN ('yes', 'no', 'it''s') OR v NOT IN ('maybe') OR v IS NULL) AND (f = TRUE OR f = FALSE OR f IS NULL) AND NOT (NOT (id > 0)));
-- line 20: data_update
UPDATE t SET a = (a + 1) * 2 - -3, b = b - (a - 1) - (2 - a), sm = -sm, c = c * -1.5 / (2 + 1) % 7, dbl = -(-dbl) + -0.25 * (r - 1) / 2, r = 10 - 2 - 3 + (4 - 5) WHERE id = 1;
-- line 31: data_update
UPDATE t SET s = CONCAT(s, '-', v, 'it''s', '"q"', 'back\\slash', '50%'), v = CONCAT(v, 'a', 'b', k, 'c'), k = upper(SUBSTRING(CONCAT(s, 'zzz'), 1, 3)) WHERE s LIKE 'x%' AND NOT (v IS NULL);
-- line 39: data_update
UPDATE t SET sm = CAST('12' AS SIGNED), a = CAST(b AS SIGNED), b = CAST(a AS SIGNED), c = CAST('3.14159' AS DECIMAL(10,2)), r = CAST(a AS DOUBLE), dbl = CAST(c AS DOUBLE), f = CAST(1 AS SIGNED), s = CAST(a AS CHAR), v = CAST(c AS CHAR), k = CAST(a AS CHAR), d = CAST('2025-02-28' AS DATE), tm = CAST('23:59:58' AS TIME(6)), st = CAST('2025-02-28 23:59:58' AS DATETIME(6)), ts = CAST('2025-02-28 23:59:58' AS DATETIME(6)), ival = CAST('2 hours' AS CHAR), u = CAST('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12' AS CHAR), bin = CAST(s AS BINARY), col = CAST('green' AS CHAR) WHERE id = 2;
-- line 62: data_update
UPDATE t SET st = CURRENT_TIMESTAMP(6), ts = CURRENT_TIMESTAMP(6), d = CURRENT_DATE, tm = CURRENT_TIME(6), s = CONCAT(lower(s), upper(s), trim(s), ltrim(s), rtrim(s), replace(s, 'x', 'y'), SUBSTRING(s, 2), CONCAT_WS('', s, v, 'z')), a = CHAR_LENGTH(s) + abs(a) + mod(a, 3) + coalesce(a, 0) + greatest(a, 1, b) + least(a, 2) + nullif(a, 0), c = round(c) + round(c, 1) + floor(c) + CEILING(c) + (c), u = UUID() WHERE id = 1;
-- line 73: data_update
UPDATE t SET ts = CURRENT_TIMESTAMP(6), tm = CURRENT_TIME(6) WHERE id = 2;
-- line 77: data_update
UPDATE t SET f = NOT f AND TRUE OR FALSE, s = NULL WHERE f IS NOT NULL AND (f OR NOT f);
-- line 81: create_index
-- MySQL has no partial indexes: ix_t_partial covers every row
CREATE INDEX ix_t_partial ON t (a);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
