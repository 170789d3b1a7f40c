-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: drop users.legacy
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 6: drop_column
-- @allow drop-column: unused since 2.3
ALTER TABLE users DROP COLUMN legacy;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
