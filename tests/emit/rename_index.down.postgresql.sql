-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: rename the placed_at index
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 6: rename_index
ALTER INDEX ix_orders_placed RENAME TO ix_orders_placed_at;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
