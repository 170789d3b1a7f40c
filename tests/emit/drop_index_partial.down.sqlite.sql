-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: no partial index
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 6: create_index
CREATE INDEX ix_orders_open_number ON orders (number) WHERE state = 'open' AND total > 0;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
