-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: users with every column attribute
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: create_table
CREATE TABLE users (
    id INTEGER NOT NULL,
    email VARCHAR(255) NOT NULL,
    nickname VARCHAR(50),
    age INTEGER,
    score INTEGER NOT NULL DEFAULT 0,
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
    CONSTRAINT fk_users_manager_id_users FOREIGN KEY (manager_id) REFERENCES users (id) ON DELETE NO ACTION
);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
