-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: one foreign key is enough
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 8: drop_constraint
ALTER TABLE stores DROP CONSTRAINT fk_stores_region;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
