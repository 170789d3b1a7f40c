-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: users belong to orgs
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: add_column
ALTER TABLE users ADD COLUMN org_id BIGINT,
    ADD CONSTRAINT fk_users_org_id_orgs FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE SET NULL;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
