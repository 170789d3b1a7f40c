-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: email required
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: alter_column set not null
-- @allow set-not-null-full-scan: accounts is small
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
