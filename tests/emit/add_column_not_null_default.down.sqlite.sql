-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: users get a role
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 7: drop_column
ALTER TABLE users DROP COLUMN active;
-- undo of line 6: drop_column
ALTER TABLE users DROP COLUMN role;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
