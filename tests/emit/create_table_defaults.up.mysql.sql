-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: defaults of every kind
-- migrations/1_case.mig (lossless)

-- line 7: create_table
-- timestamptz is DATETIME(6) holding UTC: MySQL has no time zone type (each file sets the session time_zone to '+00:00')
CREATE TABLE settings (
    id CHAR(36) NOT NULL DEFAULT (UUID()),
    n INT NOT NULL DEFAULT 42,
    neg INT DEFAULT -1,
    ratio DECIMAL(5,2) DEFAULT 0.25,
    neg_ratio DOUBLE DEFAULT -2.5,
    name LONGTEXT NOT NULL DEFAULT ('unnamed'),
    quoted LONGTEXT DEFAULT ('it''s'),
    `empty` LONGTEXT DEFAULT (''),
    flag BOOLEAN NOT NULL DEFAULT TRUE,
    off BOOLEAN DEFAULT FALSE,
    nothing LONGTEXT,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    created_ts DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6),
    day DATE DEFAULT (CURRENT_DATE),
    at_time TIME(6) DEFAULT (CURRENT_TIME(6)),
    feeling ENUM('happy', 'sad', 'it''s complicated') NOT NULL DEFAULT 'it''s complicated',
    doubled INT DEFAULT ((2 + 3) * 4),
    lowered VARCHAR(20) DEFAULT (lower('ABC')),
    joined LONGTEXT DEFAULT (CONCAT('a', 'b')),
    due_on DATE DEFAULT '2025-01-31',
    doc JSON DEFAULT ('{}'),
    blob_text LONGTEXT DEFAULT ('x'),
    CONSTRAINT pk_settings PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
