-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: members belong to teams
-- migrations/1_case.mig (lossless)

-- line 6: add_constraint
ALTER TABLE members ADD CONSTRAINT fk_members_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE SET NULL ON UPDATE CASCADE,
    ADD INDEX fk_members_team (team_id);
-- line 7: add_constraint
ALTER TABLE members ADD CONSTRAINT fk_members_team_code FOREIGN KEY (team_code) REFERENCES teams (code) ON DELETE RESTRICT ON UPDATE NO ACTION,
    ADD INDEX fk_members_team_code (team_code);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
