-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: the expression corpus
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 9: add_constraint
-- warning[check-without-not-valid]: check ck_t_logic scans every row of t under a lock
ALTER TABLE t ADD CONSTRAINT ck_t_logic CHECK ((a = 1 OR a <> 2 OR a <> 3 OR a < 4 OR a <= 5 OR a > 6 OR a >= 7) AND NOT (b IS NULL AND c IS NOT NULL AND a > 0) AND (s LIKE 'x%' OR s NOT LIKE '%\_%' OR s IS NULL) AND (a BETWEEN (-10) AND 10 OR a NOT BETWEEN 100 AND 200 OR a IS NULL) AND (v IN ('yes', 'no', 'it''s') OR v NOT IN ('maybe') OR v IS NULL) AND (f = true OR f = false OR f IS NULL) AND NOT (NOT (id > 0)));
-- line 20: data_update
UPDATE t SET a = (a + 1) * 2 - -3, b = b - (a - 1) - (2 - a), sm = -sm, c = c * -1.5 / (2 + 1) % 7, dbl = -(-dbl) + -0.25 * (r - 1) / 2, r = 10 - 2 - 3 + (4 - 5) WHERE id = 1;
-- line 31: data_update
UPDATE t SET s = s || '-' || v || 'it''s' || '"q"' || 'back\slash' || '50%', v = v || 'a' || 'b' || k || 'c', k = upper(substr(s || 'zzz', 1, 3)) WHERE s LIKE 'x%' AND NOT (v IS NULL);
-- line 39: data_update
UPDATE t SET sm = CAST('12' AS SMALLINT), a = CAST(b AS INTEGER), b = CAST(a AS BIGINT), c = CAST('3.14159' AS NUMERIC(10, 2)), r = CAST(a AS REAL), dbl = CAST(c AS DOUBLE PRECISION), f = CAST(1 AS BOOLEAN), s = CAST(a AS TEXT), v = CAST(c AS VARCHAR(20)), k = CAST(a AS CHAR(3)), d = CAST('2025-02-28' AS DATE), tm = CAST('23:59:58' AS TIME), st = CAST('2025-02-28 23:59:58' AS TIMESTAMP), ts = CAST('2025-02-28 23:59:58+00' AS TIMESTAMPTZ), ival = CAST('2 hours' AS INTERVAL), u = CAST('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12' AS UUID), bin = CAST(s AS BYTEA), col = CAST('green' AS color) WHERE id = 2;
-- line 62: data_update
UPDATE t SET st = localtimestamp, ts = now(), d = current_date, tm = current_time, s = lower(s) || upper(s) || trim(s) || ltrim(s) || rtrim(s) || replace(s, 'x', 'y') || substr(s, 2) || concat(s, v, 'z'), a = length(s) + abs(a) + mod(a, 3) + coalesce(a, 0) + greatest(a, 1, b) + least(a, 2) + nullif(a, 0), c = round(c) + round(c, 1) + floor(c) + ceil(c) + greatest(c), u = gen_random_uuid() WHERE id = 1;
-- line 73: data_update
UPDATE t SET ts = current_timestamp, tm = localtime WHERE id = 2;
-- line 77: data_update
UPDATE t SET f = NOT f AND true OR false, s = NULL WHERE f IS NOT NULL AND (f OR NOT f);
-- line 81: create_index
-- warning[index-not-concurrent]: creating index ix_t_partial blocks writes to t until it is built
CREATE INDEX ix_t_partial ON t (a) WHERE (a > 0 OR b > 0) AND NOT (s IS NULL);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
