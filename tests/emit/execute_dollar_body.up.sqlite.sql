-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: a plpgsql function
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 7: execute
-- execute for other dialects only: nothing to run on sqlite
-- line 15: execute
UPDATE categories SET name = name -- a no-op
;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
