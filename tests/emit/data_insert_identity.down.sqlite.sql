-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: seed categories
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 10: data_delete
DELETE FROM categories WHERE id = 11;
-- undo of line 6: data_delete
DELETE FROM categories WHERE id IN (2, 3, 10);

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
