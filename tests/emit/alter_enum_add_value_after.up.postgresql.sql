-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: a paused status
-- migrations/1_case.mig (lossless)
ALTER TYPE status ADD VALUE IF NOT EXISTS 'paused' AFTER 'active';
BEGIN;

-- line 6: alter_enum add value
-- info[enum-value-position]: label 'paused' goes after 'active', not at the end of status
-- the label 'paused' is added before the transaction (above), so that it can be used in it

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
