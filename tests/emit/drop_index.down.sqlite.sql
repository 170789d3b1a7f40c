-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: no index on placed_at
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 6: create_index
CREATE INDEX ix_orders_placed_at ON orders (placed_at);

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
