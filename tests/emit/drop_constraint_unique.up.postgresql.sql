-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: badge names repeat
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: drop_constraint
ALTER TABLE badges DROP CONSTRAINT uq_badges_name;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
