-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: drop index concurrently
-- migrations/1_case.mig (lossless)
-- transaction none: these statements run outside a transaction

-- line 7: drop_index
DROP INDEX CONCURRENTLY ix_orders_placed_at;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
