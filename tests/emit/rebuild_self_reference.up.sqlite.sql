-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: names required
-- migrations/1_case.mig (lossless)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- line 9: alter_column set not null
-- info[sqlite-table-rebuild]: SQLite cannot add NOT NULL to a column: table categories is rebuilt
-- SQLite cannot add NOT NULL to a column: rebuild table categories from the model
CREATE TABLE categories__migc_new (
    id INTEGER NOT NULL,
    parent_id BIGINT,
    name VARCHAR(100) NOT NULL,
    CONSTRAINT pk_categories PRIMARY KEY (id),
    CONSTRAINT fk_categories_parent_id_categories FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE CASCADE
);
INSERT INTO categories__migc_new (id, parent_id, name)
SELECT id, parent_id, name FROM categories;
DROP TABLE categories;
PRAGMA legacy_alter_table=ON;
ALTER TABLE categories__migc_new RENAME TO categories;
PRAGMA legacy_alter_table=OFF;
CREATE INDEX ix_categories_parent_id ON categories (parent_id);

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
