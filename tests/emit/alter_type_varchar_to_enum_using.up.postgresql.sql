-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: condition is an enum
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 6: alter_column type
-- warning[alter-type-rewrite]: changing items.condition from varchar(10) to item_state rewrites items
ALTER TABLE items
    ALTER COLUMN condition DROP DEFAULT,
    ALTER COLUMN condition TYPE item_state USING CAST(condition AS item_state),
    ALTER COLUMN condition SET DEFAULT 'new';

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
