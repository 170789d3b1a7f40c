-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: unnamed constraints
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: add_constraint
-- warning[add-unique-constraint]: unique constraint uq_members_email builds its index on members while blocking writes
ALTER TABLE members ADD CONSTRAINT uq_members_email UNIQUE (email);
-- line 7: add_constraint
-- warning[check-without-not-valid]: check ck_members_1 scans every row of members under a lock
ALTER TABLE members ADD CONSTRAINT ck_members_1 CHECK (age >= 0);
-- line 8: add_constraint
-- warning[fk-without-not-valid]: foreign key fk_members_team_id_teams checks every row of members while locking members and teams
ALTER TABLE members ADD CONSTRAINT fk_members_team_id_teams FOREIGN KEY (team_id) REFERENCES teams (id);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
