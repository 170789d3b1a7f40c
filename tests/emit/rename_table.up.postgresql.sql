-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: users are accounts
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: rename_table
-- warning[rename-table]: renaming table users to accounts breaks code that uses users
ALTER TABLE users RENAME TO accounts;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
