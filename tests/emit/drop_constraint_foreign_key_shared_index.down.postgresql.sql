-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: one foreign key is enough
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 8: add_constraint
ALTER TABLE stores ADD CONSTRAINT fk_stores_region FOREIGN KEY (country, region) REFERENCES regions (country, code);

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
