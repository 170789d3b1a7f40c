-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: users get a referring org
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: add_column
ALTER TABLE users ADD COLUMN referrer_id BIGINT,
    ADD CONSTRAINT uq_users_referrer UNIQUE (referrer_id),
    ADD CONSTRAINT ck_users_referrer CHECK (referrer_id > 0 AND referrer_id <> 13),
    ADD CONSTRAINT fk_users_referrer FOREIGN KEY (referrer_id) REFERENCES orgs (id) ON DELETE CASCADE;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
