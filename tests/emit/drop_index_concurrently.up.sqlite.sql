-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: drop index concurrently
-- migrations/1_case.mig (lossless)
-- transaction none: these statements run outside a transaction

-- line 7: drop_index
DROP INDEX ix_orders_placed_at;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
