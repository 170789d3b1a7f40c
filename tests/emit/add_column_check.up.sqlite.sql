-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: users get a score
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: add_column
ALTER TABLE users ADD COLUMN score INTEGER NOT NULL DEFAULT 0
    CONSTRAINT ck_users_1 CHECK (score >= 0 AND score <= 100);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
