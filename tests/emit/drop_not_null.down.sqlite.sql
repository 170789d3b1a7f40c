-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: balance optional
-- migrations/1_case.mig (lossless)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- undo of line 6: alter_column set not null
-- SQLite cannot add NOT NULL to a column: rebuild table accounts from the model
CREATE TABLE accounts__migc_new (
    id INTEGER NOT NULL,
    email VARCHAR(255),
    name TEXT NOT NULL,
    tier TEXT CHECK (tier IN ('bronze', 'silver', 'gold')) DEFAULT 'bronze',
    balance NUMERIC(12, 2) NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_accounts PRIMARY KEY (id),
    CONSTRAINT uq_accounts_email UNIQUE (email)
);
INSERT INTO accounts__migc_new (id, email, name, tier, balance, created_at)
SELECT id, email, name, tier, balance, created_at FROM accounts;
DROP TABLE accounts;
PRAGMA legacy_alter_table=ON;
ALTER TABLE accounts__migc_new RENAME TO accounts;
PRAGMA legacy_alter_table=OFF;
CREATE INDEX ix_accounts_tier ON accounts (tier);

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
