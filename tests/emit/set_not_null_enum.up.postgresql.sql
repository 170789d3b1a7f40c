-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: tier required
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: alter_column set not null
-- warning[set-not-null-full-scan]: set not null on accounts.tier scans all of accounts under an exclusive lock
ALTER TABLE accounts ALTER COLUMN tier SET NOT NULL;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
