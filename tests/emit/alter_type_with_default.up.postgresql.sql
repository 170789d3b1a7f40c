-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: prices are numeric
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 6: alter_column type
-- warning[alter-type-rewrite]: changing items.price from integer to numeric(10,2) rewrites items
ALTER TABLE items
    ALTER COLUMN price DROP DEFAULT,
    ALTER COLUMN price TYPE NUMERIC(10, 2),
    ALTER COLUMN price SET DEFAULT 0;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
