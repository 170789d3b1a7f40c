-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: author_login is written_by
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: rename_column
-- warning[rename-column]: renaming column posts.author_login to written_by breaks code that uses author_login
ALTER TABLE posts RENAME COLUMN author_login TO written_by;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
