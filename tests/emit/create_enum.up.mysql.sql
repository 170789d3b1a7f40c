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

-- Running upgrade  -> c0000001: an enum
-- migrations/1_case.mig (lossless)

-- line 7: create_enum
-- enum status: MySQL keeps the labels in each column (ENUM(...)); no statement
-- line 8: create_table
CREATE TABLE jobs (
    id BIGINT NOT NULL,
    status ENUM('pending', 'active', 'it''s done', 'Mixed Case') NOT NULL DEFAULT 'pending',
    CONSTRAINT pk_jobs PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO migc_version (version_num) VALUES ('c0000001');
