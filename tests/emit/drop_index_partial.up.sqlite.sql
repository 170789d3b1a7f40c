-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: no partial index
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: drop_index
DROP INDEX ix_orders_open_number;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
