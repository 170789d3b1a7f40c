-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: drop index concurrently
-- migrations/1_case.mig (lossless)
-- transaction none: these statements run outside a transaction

-- undo of line 7: create_index
-- SQLite has no CONCURRENTLY: the index is built at once
CREATE INDEX ix_orders_placed_at ON orders (placed_at);

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';
