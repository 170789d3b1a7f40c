-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: tasks use the new state enum
-- migrations/1_case.mig (structure-only)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- line 7: alter_column type
-- info[sqlite-table-rebuild]: SQLite cannot change a column's type: table tasks is rebuilt
-- SQLite cannot change a column's type: rebuild table tasks from the model
CREATE TABLE tasks__migc_new (
    id BIGINT NOT NULL,
    state TEXT CHECK (state IN ('todo', 'doing', 'done')) NOT NULL DEFAULT 'todo',
    CONSTRAINT pk_tasks PRIMARY KEY (id)
);
INSERT INTO tasks__migc_new (id, state)
SELECT id, state FROM tasks;
DROP TABLE tasks;
PRAGMA legacy_alter_table=ON;
ALTER TABLE tasks__migc_new RENAME TO tasks;
PRAGMA legacy_alter_table=OFF;

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
