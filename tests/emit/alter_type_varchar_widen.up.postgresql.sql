-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: longer item names
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: alter_column type
ALTER TABLE items
    ALTER COLUMN name TYPE VARCHAR(200);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
