-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: index concurrently
-- migrations/1_case.mig (lossless)
-- transaction none: these statements run outside a transaction

-- undo of line 9: drop_index
DROP INDEX ix_orders_customer_placed;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';
