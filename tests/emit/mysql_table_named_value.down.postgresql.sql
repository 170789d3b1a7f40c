-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> : a table named value
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 7: data_delete
DELETE FROM value WHERE id = 1;
-- undo of line 6: drop_table
DROP TABLE value;

DELETE FROM migc_version WHERE version_num = 'c0000001';

COMMIT;

-- every migration is undone: the version table goes too
DROP TABLE migc_version;
