-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: login is username
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: rename_column
-- warning[rename-column]: renaming column users.login to username breaks code that uses login
ALTER TABLE users RENAME COLUMN login TO username;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
