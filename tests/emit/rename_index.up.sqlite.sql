-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: rename the placed_at index
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: rename_index
-- SQLite cannot rename an index: drop it and create it again
DROP INDEX ix_orders_placed_at;
CREATE INDEX ix_orders_placed ON orders (placed_at);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
