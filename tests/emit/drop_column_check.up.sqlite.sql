-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: drop users.age
-- migrations/1_case.mig (structure-only)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- line 6: drop_column
-- info[sqlite-table-rebuild]: SQLite cannot drop a column that keys, indexes or constraints name: table users is rebuilt
-- @allow drop-column: age is no longer collected
-- SQLite cannot drop a column that keys, indexes or constraints name: rebuild table users from the model
CREATE TABLE users__migc_new (
    id INTEGER NOT NULL,
    email VARCHAR(255) NOT NULL,
    legacy TEXT DEFAULT 'old',
    handle VARCHAR(40),
    org_id BIGINT NOT NULL DEFAULT 1,
    "plan" TEXT CHECK ("plan" IN ('free', 'pro')) NOT NULL DEFAULT 'free',
    lo INTEGER,
    hi INTEGER,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT uq_users_handle UNIQUE (handle),
    CONSTRAINT fk_users_org_id_orgs FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
    CONSTRAINT ck_users_range CHECK (lo <= hi)
);
INSERT INTO users__migc_new (id, email, legacy, handle, org_id, "plan", lo, hi)
SELECT id, email, legacy, handle, org_id, "plan", lo, hi FROM users;
DROP TABLE users;
PRAGMA legacy_alter_table=ON;
ALTER TABLE users__migc_new RENAME TO users;
PRAGMA legacy_alter_table=OFF;
CREATE INDEX ix_users_email ON users (email);
CREATE INDEX ix_users_email_example ON users (email) WHERE email GLOB '*@example.com';
CREATE INDEX ix_users_plan ON users ("plan") WHERE "plan" <> 'free';

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
