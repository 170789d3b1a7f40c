-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: drop users.org_id
-- migrations/1_case.mig (structure-only)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- undo of line 6: add_column
-- SQLite cannot add a column with REFERENCES and a non-NULL default: rebuild table users from the model
CREATE TABLE users__migc_new (
    id INTEGER NOT NULL,
    email VARCHAR(255) NOT NULL,
    legacy TEXT DEFAULT 'old',
    age INTEGER,
    handle VARCHAR(40),
    "plan" TEXT CHECK ("plan" IN ('free', 'pro')) NOT NULL DEFAULT 'free',
    lo INTEGER,
    hi INTEGER,
    org_id BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT ck_users_age CHECK (age >= 0),
    CONSTRAINT uq_users_handle UNIQUE (handle),
    CONSTRAINT ck_users_range CHECK (lo <= hi),
    CONSTRAINT fk_users_org_id_orgs FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE
);
INSERT INTO users__migc_new (id, email, legacy, age, handle, "plan", lo, hi)
SELECT id, email, legacy, age, handle, "plan", lo, hi FROM users;
DROP TABLE users;
PRAGMA legacy_alter_table=ON;
ALTER TABLE users__migc_new RENAME TO users;
PRAGMA legacy_alter_table=OFF;
CREATE INDEX ix_users_email ON users (email);
CREATE INDEX ix_users_email_example ON users (email) WHERE email GLOB '*@example.com';
CREATE INDEX ix_users_plan ON users ("plan") WHERE "plan" <> 'free';

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
