-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: bigint counter ids
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: alter_column type
-- warning[alter-type-rewrite]: changing counters.id from integer to bigint rewrites counters
ALTER TABLE counters
    ALTER COLUMN id TYPE BIGINT;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
