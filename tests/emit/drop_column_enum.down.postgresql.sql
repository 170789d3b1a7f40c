-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: drop users.plan
-- migrations/1_case.mig (structure-only)
BEGIN;

-- undo of line 6: add_column
ALTER TABLE users ADD COLUMN plan plan NOT NULL DEFAULT 'free';
-- undo of line 6: create_index
CREATE INDEX ix_users_plan ON users (plan) WHERE plan <> 'free';

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
