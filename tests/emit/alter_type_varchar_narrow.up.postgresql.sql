-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: shorter notes
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 6: alter_column type
-- warning[alter-type-rewrite]: changing items.note from varchar(200) to varchar(100) rewrites items
ALTER TABLE items
    ALTER COLUMN note TYPE VARCHAR(100);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
