-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: drop posts
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 8: drop_table
-- @allow drop-table: posts moved to the cms; archived to s3://backups/posts
DROP TABLE posts;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
