-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: new defaults
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 8: alter_column set default
ALTER TABLE accounts ALTER COLUMN tier SET DEFAULT 'bronze';
-- undo of line 7: alter_column set default
ALTER TABLE accounts ALTER COLUMN created_at SET DEFAULT now();
-- undo of line 6: alter_column set default
ALTER TABLE accounts ALTER COLUMN balance SET DEFAULT 0;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
