-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: no partial index
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: drop_index
-- warning[drop-index-not-concurrent]: dropping index ix_orders_open_number locks orders against reads and writes
DROP INDEX ix_orders_open_number;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
