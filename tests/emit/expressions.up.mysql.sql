-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: the expression corpus
-- migrations/1_case.mig (structure-only)

-- line 9: add_constraint
ALTER TABLE t ADD CONSTRAINT ck_t_logic CHECK ((a = 1 OR a <> 2 OR a <> 3 OR a < 4 OR a <= 5 OR a > 6 OR a >= 7) AND NOT (b IS NULL AND c IS NOT NULL AND a > 0) AND (s LIKE 'x%' OR s NOT LIKE '%\\_%' OR s IS NULL) AND (a BETWEEN (-10) AND 10 OR a NOT BETWEEN 100 AND 200 OR a IS NULL) AND (v IN ('yes', 'no', 'it''s') OR v NOT IN ('maybe') OR v IS NULL) AND (f = TRUE OR f = FALSE OR f IS NULL) AND NOT (NOT (id > 0)));
-- line 20: data_update
UPDATE t SET b = b - (a - 1) - (2 - a), sm = -sm, c = c * -1.5 / (2 + 1) % 7, dbl = -(-dbl) + -0.25 * (r - 1) / 2, r = 10 - 2 - 3 + (4 - 5), a = (a + 1) * 2 - -3 WHERE id = 1;
-- line 31: data_update
UPDATE t JOIN (SELECT id, CONCAT(s, '-', v, 'it''s', '"q"', 'back\\slash', '50%') AS migc_1, CONCAT(v, 'a', 'b', k, 'c') AS migc_2, upper(SUBSTRING(CONCAT(s, 'zzz'), 1, 3)) AS migc_3 FROM t WHERE s LIKE 'x%' AND NOT (v IS NULL)) AS migc_old ON t.id = migc_old.id SET t.s = migc_old.migc_1, t.v = migc_old.migc_2, t.k = migc_old.migc_3;
-- line 39: data_update
UPDATE t JOIN (SELECT id, CAST('12' AS SIGNED) AS migc_1, CAST(b AS SIGNED) AS migc_2, CAST(a AS SIGNED) AS migc_3, CAST('3.14159' AS DECIMAL(10,2)) AS migc_4, CAST(a AS DOUBLE) AS migc_5, CAST(c AS DOUBLE) AS migc_6, (1 <> 0) AS migc_7, CAST(a AS CHAR) AS migc_8, LEFT(CAST(c AS CHAR), 20) AS migc_9, LEFT(CAST(a AS CHAR), 3) AS migc_10, CAST('2025-02-28' AS DATE) AS migc_11, CAST('23:59:58' AS TIME(6)) AS migc_12, CAST('2025-02-28 23:59:58' AS DATETIME(6)) AS migc_13, CAST('2025-02-28 23:59:58' AS DATETIME(6)) AS migc_14, CAST('2 hours' AS CHAR) AS migc_15, CAST('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12' AS CHAR) AS migc_16, CAST(s AS BINARY) AS migc_17, CAST('green' AS CHAR) AS migc_18 FROM t WHERE id = 2) AS migc_old ON t.id = migc_old.id SET t.sm = migc_old.migc_1, t.a = migc_old.migc_2, t.b = migc_old.migc_3, t.c = migc_old.migc_4, t.r = migc_old.migc_5, t.dbl = migc_old.migc_6, t.f = migc_old.migc_7, t.s = migc_old.migc_8, t.v = migc_old.migc_9, t.k = migc_old.migc_10, t.d = migc_old.migc_11, t.tm = migc_old.migc_12, t.st = migc_old.migc_13, t.ts = migc_old.migc_14, t.ival = migc_old.migc_15, t.u = migc_old.migc_16, t.bin = migc_old.migc_17, t.col = migc_old.migc_18;
-- line 62: data_update
UPDATE t SET st = CURRENT_TIMESTAMP(6), ts = CURRENT_TIMESTAMP(6), d = CURRENT_DATE, tm = CURRENT_TIME(6), a = CHAR_LENGTH(s) + abs(a) + mod(a, 3) + coalesce(a, 0) + GREATEST(COALESCE(a, 1, b), COALESCE(1, a, b), COALESCE(b, a, 1)) + LEAST(COALESCE(a, 2), COALESCE(2, a)) + nullif(a, 0), c = round(c) + round(c, 1) + floor(c) + CEILING(c) + (c), u = UUID(), s = CONCAT(lower(s), upper(s), trim(s), ltrim(s), rtrim(s), replace(s, 'x', 'y'), SUBSTRING(s, 2), CONCAT_WS('', s, v, 'z')) WHERE id = 1;
-- line 73: data_update
UPDATE t SET ts = CURRENT_TIMESTAMP(6), tm = CURRENT_TIME(6) WHERE id = 2;
-- line 77: data_update
UPDATE t SET f = NOT f AND TRUE OR FALSE, s = NULL WHERE f IS NOT NULL AND (f OR NOT f);
-- line 81: create_index
-- MySQL has no partial indexes: ix_t_partial covers every row
CREATE INDEX ix_t_partial ON t (a);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
