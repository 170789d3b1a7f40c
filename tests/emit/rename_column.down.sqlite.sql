-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: login is username
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 7: rename_column
ALTER TABLE users RENAME COLUMN username TO login;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
