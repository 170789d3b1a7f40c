-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: the expression corpus
-- migrations/1_case.mig (structure-only)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- line 9: add_constraint
-- info[sqlite-table-rebuild]: SQLite cannot add a constraint to a table: table t is rebuilt
-- SQLite cannot add a constraint to a table: rebuild table t from the model
CREATE TABLE t__migc_new (
    id BIGINT NOT NULL,
    sm SMALLINT,
    a INTEGER,
    b BIGINT,
    c NUMERIC(10, 2),
    r REAL,
    dbl DOUBLE,
    f BOOLEAN,
    s TEXT,
    v VARCHAR(50),
    k CHAR(3),
    d DATE,
    tm TIME,
    st TIMESTAMP,
    ts TIMESTAMPTZ,
    ival TEXT,
    u TEXT,
    j TEXT,
    bin BLOB,
    col TEXT CHECK (col IN ('red', 'green', 'it''s blue')),
    CONSTRAINT pk_t PRIMARY KEY (id),
    CONSTRAINT ck_t_logic CHECK ((a = 1 OR a <> 2 OR a <> 3 OR a < 4 OR a <= 5 OR a > 6 OR a >= 7) AND NOT (b IS NULL AND c IS NOT NULL AND a > 0) AND (s GLOB 'x*' OR s NOT GLOB '*_*' OR s IS NULL) AND (a BETWEEN (-10) AND 10 OR a NOT BETWEEN 100 AND 200 OR a IS NULL) AND (v IN ('yes', 'no', 'it''s') OR v NOT IN ('maybe') OR v IS NULL) AND (f = TRUE OR f = FALSE OR f IS NULL) AND NOT (NOT (id > 0)))
);
INSERT INTO t__migc_new (id, sm, a, b, c, r, dbl, f, s, v, k, d, tm, st, ts, ival, u, j, bin, col)
SELECT id, sm, a, b, c, r, dbl, f, s, v, k, d, tm, st, ts, ival, u, j, bin, col FROM t;
DROP TABLE t;
PRAGMA legacy_alter_table=ON;
ALTER TABLE t__migc_new RENAME TO t;
PRAGMA legacy_alter_table=OFF;
-- line 20: data_update
UPDATE t SET a = (a + 1) * 2 - -3, b = b - (a - 1) - (2 - a), sm = -sm, c = round(mod((CAST(c * -1.5 AS REAL) / (2 + 1)), 7), 2), dbl = -(-dbl) + CAST(-0.25 * (r - 1) AS REAL) / 2, r = 10 - 2 - 3 + (4 - 5) WHERE id = 1;
-- line 31: data_update
UPDATE t SET s = s || '-' || v || 'it''s' || '"q"' || 'back\slash' || '50%', v = v || 'a' || 'b' || k || 'c', k = upper(substr(s || 'zzz', 1, 3)) WHERE s GLOB 'x*' AND NOT (v IS NULL);
-- line 39: data_update
UPDATE t SET sm = CAST('12' AS SMALLINT), a = CAST(b AS INTEGER), b = CAST(a AS BIGINT), c = round(CAST('3.14159' AS NUMERIC(10, 2)), 2), r = CAST(a AS REAL), dbl = CAST(c AS DOUBLE), f = (1 <> 0), s = CAST(a AS TEXT), v = substr(CASE WHEN c IS NOT NULL THEN printf('%.2f', c) END, 1, 20), k = substr(CAST(a AS TEXT), 1, 3), d = date('2025-02-28'), tm = CAST('23:59:58' AS TEXT), st = CAST('2025-02-28 23:59:58' AS TEXT), ts = CAST('2025-02-28 23:59:58+00' AS TEXT), ival = CAST('2 hours' AS TEXT), u = CAST('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12' AS TEXT), bin = CAST(s AS BLOB), col = CAST('green' AS TEXT) WHERE id = 2;
-- line 62: data_update
UPDATE t SET st = datetime('now', 'localtime'), ts = CURRENT_TIMESTAMP, d = CURRENT_DATE, tm = CURRENT_TIME, s = lower(s) || upper(s) || trim(s) || ltrim(s) || rtrim(s) || replace(s, 'x', 'y') || substr(s, 2) || (coalesce(s, '') || coalesce(v, '') || coalesce('z', '')), a = length(s) + abs(a) + (a % 3) + coalesce(a, 0) + max(COALESCE(a, 1, b), COALESCE(1, a, b), COALESCE(b, a, 1)) + min(COALESCE(a, 2), COALESCE(2, a)) + nullif(a, 0), c = round(round(c) + round(c, 1) + floor(c) + ceil(c) + (c), 2), u = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))) WHERE id = 1;
-- line 73: data_update
UPDATE t SET ts = CURRENT_TIMESTAMP, tm = time('now', 'localtime') WHERE id = 2;
-- line 77: data_update
UPDATE t SET f = NOT f AND TRUE OR FALSE, s = NULL WHERE f IS NOT NULL AND (f OR NOT f);
-- line 81: create_index
CREATE INDEX ix_t_partial ON t (a) WHERE (a > 0 OR b > 0) AND NOT (s IS NULL);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

-- every foreign key must still hold after the table rebuilds
PRAGMA foreign_key_check;
CREATE TEMP TABLE migc_foreign_key_check (
    violations INTEGER CONSTRAINT "foreign key violations: see PRAGMA foreign_key_check" CHECK (violations = 0)
);
INSERT INTO migc_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.migc_foreign_key_check;

COMMIT;
PRAGMA foreign_keys=ON;
