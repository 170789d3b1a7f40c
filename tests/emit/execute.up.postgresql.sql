-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: raw sql
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: execute
UPDATE categories SET name = upper(name) WHERE id = 1;
-- line 8: execute
-- execute for other dialects only: nothing to run on postgresql

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
