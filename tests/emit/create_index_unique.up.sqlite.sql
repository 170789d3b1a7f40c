-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: unique order numbers per customer
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: create_index
CREATE UNIQUE INDEX ux_orders_customer_number ON orders (customer_id, number, state);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
