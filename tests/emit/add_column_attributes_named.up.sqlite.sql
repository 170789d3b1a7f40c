-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: users get a referring org
-- migrations/1_case.mig (lossless)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- line 7: add_column
-- info[sqlite-table-rebuild]: SQLite cannot add a PRIMARY KEY or UNIQUE column: table users is rebuilt
-- SQLite cannot add a PRIMARY KEY or UNIQUE column: rebuild table users from the model
CREATE TABLE users__migc_new (
    id INTEGER NOT NULL,
    email VARCHAR(255) NOT NULL,
    age INTEGER,
    referrer_id BIGINT,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT uq_users_referrer UNIQUE (referrer_id),
    CONSTRAINT ck_users_referrer CHECK (referrer_id > 0 AND referrer_id <> 13),
    CONSTRAINT fk_users_referrer FOREIGN KEY (referrer_id) REFERENCES orgs (id) ON DELETE CASCADE
);
INSERT INTO users__migc_new (id, email, age)
SELECT id, email, age FROM users;
DROP TABLE users;
PRAGMA legacy_alter_table=ON;
ALTER TABLE users__migc_new RENAME TO users;
PRAGMA legacy_alter_table=OFF;
CREATE INDEX ix_users_email ON users (email);

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
