-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: split names
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 7: add_column
ALTER TABLE people ADD COLUMN first_name VARCHAR(50);
-- line 8: data_update
UPDATE people SET first_name = name WHERE first_name IS NULL;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
