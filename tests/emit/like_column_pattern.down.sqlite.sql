-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> : rules that match names
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 9: data_update
UPDATE rules SET hit = NULL;
-- undo of line 8: data_delete
DELETE FROM rules WHERE id IN (1, 2, 3);
-- undo of line 7: drop_table
DROP TABLE rules;

DELETE FROM migc_version WHERE version_num = 'c0000001';

COMMIT;

-- every migration is undone: the version table goes too
DROP TABLE migc_version;
