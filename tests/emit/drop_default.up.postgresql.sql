-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: no default tier
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: alter_column drop default
ALTER TABLE accounts ALTER COLUMN tier DROP DEFAULT;
-- line 7: alter_column drop default
ALTER TABLE accounts ALTER COLUMN created_at DROP DEFAULT;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
