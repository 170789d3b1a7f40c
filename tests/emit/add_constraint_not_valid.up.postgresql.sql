-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: constraints not valid
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: add_constraint
ALTER TABLE members ADD CONSTRAINT fk_members_team_nv FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE NOT VALID;
-- line 7: add_constraint
ALTER TABLE members ADD CONSTRAINT ck_members_email_nv CHECK (email LIKE '%@%') NOT VALID;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
