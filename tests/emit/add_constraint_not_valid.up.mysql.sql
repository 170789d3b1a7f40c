-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: constraints not valid
-- migrations/1_case.mig (lossless)

-- line 6: add_constraint
-- not valid: MySQL checks the existing rows at once
ALTER TABLE members ADD CONSTRAINT fk_members_team_nv FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE,
    ADD INDEX fk_members_team_nv (team_id);
-- line 7: add_constraint
-- not valid: MySQL checks the existing rows at once
ALTER TABLE members ADD CONSTRAINT ck_members_email_nv CHECK (email LIKE '%@%');

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
