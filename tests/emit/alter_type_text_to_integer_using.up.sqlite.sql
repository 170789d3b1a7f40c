-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: quantities are numbers
-- migrations/1_case.mig (structure-only)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- line 6: alter_column type
-- info[sqlite-table-rebuild]: SQLite cannot change a column's type: table items is rebuilt
-- SQLite cannot change a column's type: rebuild table items from the model
CREATE TABLE items__migc_new (
    id INTEGER NOT NULL,
    owner_id INTEGER,
    name VARCHAR(50) NOT NULL,
    code VARCHAR(20),
    qty_text INTEGER,
    condition VARCHAR(10) NOT NULL DEFAULT 'new',
    price INTEGER NOT NULL DEFAULT 0,
    note VARCHAR(200),
    views INTEGER,
    CONSTRAINT pk_items PRIMARY KEY (id),
    CONSTRAINT fk_items_owner_id_owners FOREIGN KEY (owner_id) REFERENCES owners (id) ON DELETE CASCADE,
    CONSTRAINT uq_items_code UNIQUE (code),
    CONSTRAINT ck_items_1 CHECK (price >= 0)
);
INSERT INTO items__migc_new (id, owner_id, name, code, qty_text, condition, price, note, views)
SELECT id, owner_id, name, code, CAST(qty_text AS INTEGER), condition, price, note, views FROM items;
DROP TABLE items;
PRAGMA legacy_alter_table=ON;
ALTER TABLE items__migc_new RENAME TO items;
PRAGMA legacy_alter_table=OFF;
CREATE INDEX ix_items_name ON items (name);

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
