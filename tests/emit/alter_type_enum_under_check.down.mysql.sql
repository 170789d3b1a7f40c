-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running downgrade c0000001 -> s0000001: tickets move to the second state enum, (and back)
-- migrations/1_case.mig (structure-only)

-- undo of line 7: alter_column type
ALTER TABLE tickets MODIFY COLUMN state ENUM('open', 'closed', 'spam') NOT NULL;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';
