-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running downgrade c0000001 -> s0000001: failed is the new default
-- migrations/1_case.mig (lossless)

-- undo of line 9: data_update
UPDATE runs SET status = NULL WHERE status = 'failed';
-- undo of line 8: alter_column drop default
ALTER TABLE runs MODIFY COLUMN status ENUM('pending', 'active', 'archived', 'failed');
-- undo of line 7: alter_enum drop value
ALTER TABLE jobs MODIFY COLUMN status ENUM('pending', 'active', 'archived') NOT NULL DEFAULT 'pending',
    MODIFY COLUMN previous ENUM('pending', 'active', 'archived');
ALTER TABLE runs MODIFY COLUMN status ENUM('pending', 'active', 'archived');

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';
