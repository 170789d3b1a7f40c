-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: rename the placed_at index
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: rename_index
ALTER INDEX ix_orders_placed_at RENAME TO ix_orders_placed;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
