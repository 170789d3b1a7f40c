-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: drop users.age
-- migrations/1_case.mig (structure-only)
BEGIN;

-- undo of line 6: add_column
ALTER TABLE users ADD COLUMN age INTEGER
    CONSTRAINT ck_users_age CHECK (age >= 0);

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
