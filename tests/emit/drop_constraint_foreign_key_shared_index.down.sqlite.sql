-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: one foreign key is enough
-- migrations/1_case.mig (lossless)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- undo of line 8: add_constraint
-- SQLite cannot add a constraint to a table: rebuild table stores from the model
CREATE TABLE stores__migc_new (
    id BIGINT NOT NULL,
    country CHAR(2) NOT NULL,
    region VARCHAR(10),
    CONSTRAINT pk_stores PRIMARY KEY (id),
    CONSTRAINT fk_stores_region_cascade FOREIGN KEY (country, region) REFERENCES regions (country, code) ON UPDATE CASCADE,
    CONSTRAINT fk_stores_region FOREIGN KEY (country, region) REFERENCES regions (country, code)
);
INSERT INTO stores__migc_new (id, country, region)
SELECT id, country, region FROM stores;
DROP TABLE stores;
PRAGMA legacy_alter_table=ON;
ALTER TABLE stores__migc_new RENAME TO stores;
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
