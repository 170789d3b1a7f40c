-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: the expression corpus
-- migrations/1_case.mig (structure-only)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- undo of line 81: drop_index
DROP INDEX ix_t_partial;
-- undo of line 9: drop_constraint
-- SQLite cannot drop a constraint from a table: rebuild table t from the model
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
    CONSTRAINT pk_t PRIMARY KEY (id)
);
INSERT INTO t__migc_new (id, sm, a, b, c, r, dbl, f, s, v, k, d, tm, st, ts, ival, u, j, bin, col)
SELECT id, sm, a, b, c, r, dbl, f, s, v, k, d, tm, st, ts, ival, u, j, bin, col FROM t;
DROP TABLE t;
PRAGMA legacy_alter_table=ON;
ALTER TABLE t__migc_new RENAME TO t;
PRAGMA legacy_alter_table=OFF;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

-- every foreign key must still hold after the table rebuilds
PRAGMA foreign_key_check;
CREATE TEMP TABLE migc_foreign_key_check (
    violations INTEGER CONSTRAINT "foreign key violations: see PRAGMA foreign_key_check" CHECK (violations = 0)
);
INSERT INTO migc_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.migc_foreign_key_check;

COMMIT;
PRAGMA foreign_keys=ON;
