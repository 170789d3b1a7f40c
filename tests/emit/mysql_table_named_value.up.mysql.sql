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

-- Running upgrade  -> c0000001: a table named value
-- migrations/1_case.mig (lossless)

-- line 6: create_table
CREATE TABLE `value` (
    id BIGINT NOT NULL,
    CONSTRAINT pk_value PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- line 7: data_insert
INSERT INTO `value` (id) VALUES
    (1);

INSERT INTO migc_version (version_num) VALUES ('c0000001');
