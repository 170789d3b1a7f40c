-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: members belong to teams
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: add_constraint
-- warning[fk-without-not-valid]: foreign key fk_members_team checks every row of members while locking members and teams
ALTER TABLE members ADD CONSTRAINT fk_members_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE SET NULL ON UPDATE CASCADE;
-- line 7: add_constraint
-- warning[fk-without-not-valid]: foreign key fk_members_team_code checks every row of members while locking members and teams
ALTER TABLE members ADD CONSTRAINT fk_members_team_code FOREIGN KEY (team_code) REFERENCES teams (code) ON DELETE RESTRICT ON UPDATE NO ACTION;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
