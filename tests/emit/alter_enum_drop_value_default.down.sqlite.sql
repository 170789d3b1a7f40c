-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: no legacy level
-- migrations/1_case.mig (structure-only)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- undo of line 6: alter_enum add value
-- SQLite cannot change a CHECK (a new enum label): rebuild table alerts from the model
CREATE TABLE alerts__migc_new (
    id BIGINT NOT NULL,
    level TEXT CHECK (level IN ('low', 'mid', 'high', 'legacy')) NOT NULL DEFAULT 'mid',
    CONSTRAINT pk_alerts PRIMARY KEY (id)
);
INSERT INTO alerts__migc_new (id, level)
SELECT id, level FROM alerts;
DROP TABLE alerts;
PRAGMA legacy_alter_table=ON;
ALTER TABLE alerts__migc_new RENAME TO alerts;
PRAGMA legacy_alter_table=OFF;
-- SQLite cannot change a CHECK (a new enum label): rebuild table rules from the model
CREATE TABLE rules__migc_new (
    id BIGINT NOT NULL,
    floor TEXT CHECK (floor IN ('low', 'mid', 'high', 'legacy')) DEFAULT 'low',
    CONSTRAINT pk_rules PRIMARY KEY (id)
);
INSERT INTO rules__migc_new (id, floor)
SELECT id, floor FROM rules;
DROP TABLE rules;
PRAGMA legacy_alter_table=ON;
ALTER TABLE rules__migc_new RENAME TO rules;
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
