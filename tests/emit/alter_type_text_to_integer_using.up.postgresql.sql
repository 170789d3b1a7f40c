-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: quantities are numbers
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 6: alter_column type
-- warning[alter-type-rewrite]: changing items.qty_text from text to integer rewrites items
ALTER TABLE items
    ALTER COLUMN qty_text TYPE INTEGER USING CAST(qty_text AS INTEGER);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
