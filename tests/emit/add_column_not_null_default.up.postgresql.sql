-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: users get a role
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: add_column
ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'member';
-- line 7: add_column
ALTER TABLE users ADD COLUMN active BOOLEAN NOT NULL DEFAULT true;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
