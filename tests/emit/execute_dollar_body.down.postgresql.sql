-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: a plpgsql function
-- migrations/1_case.mig (structure-only)
BEGIN;

-- undo of line 7: execute
DROP FUNCTION touch_category() -- gone
;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
