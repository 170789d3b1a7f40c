-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: raw sql
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 8: execute
-- execute for other dialects only: nothing to run on postgresql
-- undo of line 6: execute
UPDATE categories SET name = 'News' WHERE id = 1;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
