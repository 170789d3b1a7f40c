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

-- Running upgrade  -> c0000001: predicates compared with a boolean
-- migrations/1_case.mig (structure-only)

-- line 7: create_table
CREATE TABLE t (
    id BIGINT NOT NULL,
    f BOOLEAN NOT NULL,
    x LONGTEXT,
    CONSTRAINT pk_t PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- line 8: add_constraint
ALTER TABLE t ADD CONSTRAINT ck_t_in CHECK (f = (id IN (1, 2)) OR f <> (id BETWEEN 3 AND 4));
-- line 9: data_update
UPDATE t SET x = 'hit' WHERE f = (x LIKE 'a%');

INSERT INTO migc_version (version_num) VALUES ('c0000001');
