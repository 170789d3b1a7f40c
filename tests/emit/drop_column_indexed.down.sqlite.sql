-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: drop users.email
-- migrations/1_case.mig (structure-only)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- undo of line 6: add_column
ALTER TABLE users ADD COLUMN email VARCHAR(255) NOT NULL DEFAULT '';
-- undo of line 6: alter_column drop default
-- SQLite cannot drop a column's default: rebuild table users from the model
CREATE TABLE users__migc_new (
    id INTEGER NOT NULL,
    legacy TEXT DEFAULT 'old',
    age INTEGER,
    handle VARCHAR(40),
    org_id BIGINT NOT NULL DEFAULT 1,
    "plan" TEXT CHECK ("plan" IN ('free', 'pro')) NOT NULL DEFAULT 'free',
    lo INTEGER,
    hi INTEGER,
    email VARCHAR(255) NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT ck_users_age CHECK (age >= 0),
    CONSTRAINT uq_users_handle UNIQUE (handle),
    CONSTRAINT fk_users_org_id_orgs FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
    CONSTRAINT ck_users_range CHECK (lo <= hi)
);
INSERT INTO users__migc_new (id, legacy, age, handle, org_id, "plan", lo, hi, email)
SELECT id, legacy, age, handle, org_id, "plan", lo, hi, email FROM users;
DROP TABLE users;
PRAGMA legacy_alter_table=ON;
ALTER TABLE users__migc_new RENAME TO users;
PRAGMA legacy_alter_table=OFF;
CREATE INDEX ix_users_plan ON users ("plan") WHERE "plan" <> 'free';
-- undo of line 6: create_index
CREATE INDEX ix_users_email ON users (email);
-- undo of line 6: create_index
CREATE INDEX ix_users_email_example ON users (email) WHERE email GLOB '*@example.com';

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
