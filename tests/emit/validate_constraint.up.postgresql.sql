-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: validate
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: validate_constraint
ALTER TABLE members VALIDATE CONSTRAINT fk_members_team;
-- line 7: validate_constraint
ALTER TABLE members VALIDATE CONSTRAINT ck_members_age;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
