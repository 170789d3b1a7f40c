-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

CREATE TABLE IF NOT EXISTS migc_version (
    version_num VARCHAR(64) NOT NULL,
    CONSTRAINT migc_version_pkc PRIMARY KEY (version_num)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Running upgrade  -> c0000001: rules that match names
-- migrations/1_case.mig (lossless)

-- line 7: create_table
CREATE TABLE rules (
    id BIGINT NOT NULL,
    name LONGTEXT NOT NULL,
    pattern LONGTEXT NOT NULL,
    hit BOOLEAN,
    CONSTRAINT pk_rules PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- line 8: data_insert
INSERT INTO rules (id, name, pattern) VALUES
    (1, 'Hello', 'H%'),
    (2, 'hello', 'H%'),
    (3, 'a*b', 'a*_');
-- line 9: data_update
UPDATE rules SET hit = name LIKE pattern WHERE hit IS NULL;

INSERT INTO migc_version (version_num) VALUES ('c0000001');
