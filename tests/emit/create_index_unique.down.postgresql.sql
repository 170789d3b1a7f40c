-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: unique order numbers per customer
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 6: drop_index
DROP INDEX ux_orders_customer_number;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
