-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> : predicates compared with a boolean
-- migrations/1_case.mig (structure-only)
BEGIN;

-- undo of line 8: drop_constraint
ALTER TABLE t DROP CONSTRAINT ck_t_in;
-- undo of line 7: drop_table
DROP TABLE t;

DELETE FROM migc_version WHERE version_num = 'c0000001';

COMMIT;

-- every migration is undone: the version table goes too
DROP TABLE migc_version;
