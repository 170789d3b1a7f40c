-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: the expression corpus
-- migrations/1_case.mig (structure-only)
BEGIN;

-- undo of line 81: drop_index
DROP INDEX ix_t_partial;
-- undo of line 9: drop_constraint
ALTER TABLE t DROP CONSTRAINT ck_t_logic;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
