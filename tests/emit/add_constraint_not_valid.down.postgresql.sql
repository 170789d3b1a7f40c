-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: constraints not valid
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 7: drop_constraint
ALTER TABLE members DROP CONSTRAINT ck_members_email_nv;
-- undo of line 6: drop_constraint
ALTER TABLE members DROP CONSTRAINT fk_members_team_nv;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
