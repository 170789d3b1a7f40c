-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: drop users.email
-- migrations/1_case.mig (structure-only)
BEGIN;

-- undo of line 6: add_column
ALTER TABLE users ADD COLUMN email VARCHAR(255) NOT NULL DEFAULT '';
-- undo of line 6: alter_column drop default
ALTER TABLE users ALTER COLUMN email DROP DEFAULT;
-- undo of line 6: create_index
CREATE INDEX ix_users_email ON users (email);
-- undo of line 6: create_index
CREATE INDEX ix_users_email_example ON users (email) WHERE email LIKE '%@example.com';

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
