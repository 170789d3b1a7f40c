-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: new defaults
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: alter_column set default
ALTER TABLE accounts ALTER COLUMN balance SET DEFAULT 100 * 2;
-- line 7: alter_column set default
ALTER TABLE accounts ALTER COLUMN created_at SET DEFAULT current_timestamp;
-- line 8: alter_column set default
ALTER TABLE accounts ALTER COLUMN tier SET DEFAULT 'silver';

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
