-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: failed is the new default
-- migrations/1_case.mig (lossless)
ALTER TYPE status ADD VALUE IF NOT EXISTS 'failed';
BEGIN;

-- line 7: alter_enum add value
-- the label 'failed' is added before the transaction (above), so that it can be used in it
-- line 8: alter_column set default
ALTER TABLE runs ALTER COLUMN status SET DEFAULT 'failed';
-- line 9: data_update
UPDATE runs SET status = 'failed' WHERE status IS NULL;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
