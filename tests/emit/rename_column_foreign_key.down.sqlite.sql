-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: author_login is written_by
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 7: rename_column
ALTER TABLE posts RENAME COLUMN written_by TO author_login;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
