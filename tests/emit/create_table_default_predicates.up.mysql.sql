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

-- Running upgrade  -> c0000001: defaults that are predicates
-- migrations/1_case.mig (lossless)

-- line 8: create_table
CREATE TABLE flags (
    id BIGINT NOT NULL,
    a BOOLEAN DEFAULT (NOT FALSE),
    b BOOLEAN DEFAULT (TRUE AND FALSE),
    c BOOLEAN DEFAULT (1 BETWEEN 0 AND 2),
    d BOOLEAN DEFAULT ('x' LIKE 'y'),
    e BOOLEAN DEFAULT (1 IN (1, 2)),
    f BOOLEAN DEFAULT (NULL IS NULL),
    g INT DEFAULT (-(-5)),
    h INT DEFAULT -5,
    i BOOLEAN DEFAULT (1 < 2),
    CONSTRAINT pk_flags PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO migc_version (version_num) VALUES ('c0000001');
