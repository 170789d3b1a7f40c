-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: condition is an enum
-- migrations/1_case.mig (structure-only)
BEGIN;

-- undo of line 6: alter_column type
ALTER TABLE items
    ALTER COLUMN condition DROP DEFAULT,
    ALTER COLUMN condition TYPE VARCHAR(10),
    ALTER COLUMN condition SET DEFAULT 'new';

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
