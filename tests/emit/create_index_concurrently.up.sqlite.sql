-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: index concurrently
-- migrations/1_case.mig (lossless)
-- transaction none: these statements run outside a transaction

-- line 9: create_index
-- SQLite has no CONCURRENTLY: the index is built at once
CREATE INDEX ix_orders_customer_placed ON orders (customer_id, placed_at);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
