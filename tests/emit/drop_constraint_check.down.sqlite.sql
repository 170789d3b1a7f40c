-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: empty badge names
-- migrations/1_case.mig (lossless)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- undo of line 6: add_constraint
-- SQLite cannot add a constraint to a table: rebuild table badges from the model
CREATE TABLE badges__migc_new (
    member_id BIGINT NOT NULL,
    name VARCHAR(40) NOT NULL,
    CONSTRAINT pk_badges PRIMARY KEY (member_id, name),
    CONSTRAINT fk_badges_team FOREIGN KEY (member_id) REFERENCES teams (id) ON DELETE CASCADE,
    CONSTRAINT uq_badges_name UNIQUE (name, member_id),
    CONSTRAINT ck_badges_name CHECK (name <> '')
);
INSERT INTO badges__migc_new (member_id, name)
SELECT member_id, name FROM badges;
DROP TABLE badges;
PRAGMA legacy_alter_table=ON;
ALTER TABLE badges__migc_new RENAME TO badges;
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
