-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: ages are sane
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: add_constraint
-- warning[check-without-not-valid]: check ck_members_age scans every row of members under a lock
ALTER TABLE members ADD CONSTRAINT ck_members_age CHECK (age IS NULL OR age BETWEEN 0 AND 150);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
