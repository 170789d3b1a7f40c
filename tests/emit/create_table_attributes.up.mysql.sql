-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: users with every column attribute
-- migrations/1_case.mig (lossless)

-- line 7: create_table
CREATE TABLE users (
    id BIGINT NOT NULL AUTO_INCREMENT,
    email VARCHAR(255) NOT NULL,
    nickname VARCHAR(50),
    age INT,
    score INT NOT NULL DEFAULT 0,
    login VARCHAR(40),
    org_id BIGINT,
    org_code VARCHAR(10),
    manager_id BIGINT,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT ck_users_1 CHECK (age >= 0),
    CONSTRAINT ck_users_score CHECK (score BETWEEN 0 AND 100),
    CONSTRAINT uq_users_login UNIQUE (login),
    CONSTRAINT fk_users_org_id_orgs FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_users_org_code FOREIGN KEY (org_code) REFERENCES orgs (code) ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT fk_users_manager_id_users FOREIGN KEY (manager_id) REFERENCES users (id) ON DELETE NO ACTION,
    INDEX fk_users_org_id_orgs (org_id),
    INDEX fk_users_org_code (org_code),
    INDEX fk_users_manager_id_users (manager_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
