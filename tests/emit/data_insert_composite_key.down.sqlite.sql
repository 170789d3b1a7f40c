-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: seed tags
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 7: data_delete
DELETE FROM tags WHERE category_id = 1 AND tag = 'it''s';
-- undo of line 6: data_delete
DELETE FROM tags WHERE category_id = 1 AND tag = 'breaking' OR category_id = 1 AND tag = 'local';

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
