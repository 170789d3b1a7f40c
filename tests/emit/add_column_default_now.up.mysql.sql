-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: users get created_at
-- migrations/1_case.mig (lossless)

-- line 7: add_column
-- timestamptz is DATETIME(6) holding UTC: MySQL has no time zone type (each file sets the session time_zone to '+00:00')
ALTER TABLE users ADD COLUMN created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
