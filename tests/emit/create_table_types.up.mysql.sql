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

-- Running upgrade  -> c0000001: a table with every portable type
-- migrations/1_case.mig (lossless)

-- line 7: create_table
-- timestamptz is DATETIME(6) holding UTC: MySQL has no time zone type (each file sets the session time_zone to '+00:00')
CREATE TABLE everything (
    id BIGINT NOT NULL,
    small SMALLINT,
    regular INT,
    short_int INT,
    flag BOOLEAN,
    ratio FLOAT,
    precise DOUBLE,
    amount DECIMAL(65,30),
    price DECIMAL(10),
    money DECIMAL(12,2),
    body LONGTEXT,
    title VARCHAR(200),
    code CHAR(3),
    letter CHAR(1),
    born_on DATE,
    opens_at TIME(6),
    happened_at DATETIME(6),
    logged_at DATETIME(6),
    duration VARCHAR(64),
    token CHAR(36),
    doc JSON,
    docb JSON,
    payload LONGBLOB,
    CONSTRAINT pk_everything PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO migc_version (version_num) VALUES ('c0000001');
