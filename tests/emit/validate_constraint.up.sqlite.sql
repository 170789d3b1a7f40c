-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: validate
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: validate_constraint
-- SQLite checked fk_members_team when it was added: nothing to validate
-- line 7: validate_constraint
-- SQLite checked ck_members_age when it was added: nothing to validate

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
