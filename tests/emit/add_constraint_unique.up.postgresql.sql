-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: unique emails per team
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: add_constraint
-- warning[add-unique-constraint]: unique constraint uq_members_team_email builds its index on members while blocking writes
ALTER TABLE members ADD CONSTRAINT uq_members_team_email UNIQUE (team_id, email);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
