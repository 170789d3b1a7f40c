-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: users get a referring org
-- migrations/1_case.mig (lossless)

-- line 7: add_column
ALTER TABLE users ADD COLUMN referrer_id BIGINT,
    ADD CONSTRAINT uq_users_referrer UNIQUE (referrer_id),
    ADD CONSTRAINT ck_users_referrer CHECK (referrer_id > 0 AND referrer_id <> 13),
    ADD CONSTRAINT fk_users_referrer FOREIGN KEY (referrer_id) REFERENCES orgs (id) ON DELETE CASCADE;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
