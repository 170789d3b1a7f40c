-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: index by state and time
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: create_index
CREATE INDEX ix_orders_state_placed ON orders (state, placed_at, id);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
