-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: split names
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 12: data_update
UPDATE people SET name = first_name WHERE first_name IS NOT NULL;
-- line 14: drop_column
ALTER TABLE people DROP COLUMN first_name;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
