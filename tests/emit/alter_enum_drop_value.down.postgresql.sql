-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: no archived status
-- migrations/1_case.mig (structure-only)
ALTER TYPE status ADD VALUE IF NOT EXISTS 'archived' AFTER 'active';
BEGIN;

-- undo of line 6: alter_enum add value
-- the label 'archived' is added before the transaction (above), so that it can be used in it

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
