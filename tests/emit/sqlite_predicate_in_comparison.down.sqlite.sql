-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> : predicates compared with a boolean
-- migrations/1_case.mig (structure-only)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- undo of line 8: drop_constraint
-- SQLite cannot drop a constraint from a table: rebuild table t from the model
CREATE TABLE t__migc_new (
    id BIGINT NOT NULL,
    f BOOLEAN NOT NULL,
    x TEXT,
    CONSTRAINT pk_t PRIMARY KEY (id)
);
INSERT INTO t__migc_new (id, f, x)
SELECT id, f, x FROM t;
DROP TABLE t;
PRAGMA legacy_alter_table=ON;
ALTER TABLE t__migc_new RENAME TO t;
PRAGMA legacy_alter_table=OFF;
-- undo of line 7: drop_table
DROP TABLE t;

DELETE FROM migc_version WHERE version_num = 'c0000001';

-- every foreign key must still hold after the table rebuilds
PRAGMA foreign_key_check;
CREATE TEMP TABLE migc_foreign_key_check (
    violations INTEGER CONSTRAINT "foreign key violations: see PRAGMA foreign_key_check" CHECK (violations = 0)
);
INSERT INTO migc_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.migc_foreign_key_check;

COMMIT;
PRAGMA foreign_keys=ON;

-- every migration is undone: the version table goes too
DROP TABLE migc_version;
