-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: ages are sane
-- migrations/1_case.mig (lossless)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- undo of line 6: drop_constraint
-- SQLite cannot drop a constraint from a table: rebuild table members from the model
CREATE TABLE members__migc_new (
    id BIGINT NOT NULL,
    team_id BIGINT,
    email VARCHAR(255) NOT NULL,
    age INTEGER,
    team_code VARCHAR(10)
);
INSERT INTO members__migc_new (id, team_id, email, age, team_code)
SELECT id, team_id, email, age, team_code FROM members;
DROP TABLE members;
PRAGMA legacy_alter_table=ON;
ALTER TABLE members__migc_new RENAME TO members;
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
