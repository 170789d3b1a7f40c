-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: names required
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 9: alter_column set not null
-- @allow set-not-null-full-scan: categories is small
ALTER TABLE categories ALTER COLUMN name SET NOT NULL;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
