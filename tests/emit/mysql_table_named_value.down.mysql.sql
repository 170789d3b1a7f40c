-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running downgrade c0000001 -> : a table named value
-- migrations/1_case.mig (lossless)

-- undo of line 7: data_delete
DELETE FROM `value` WHERE id = 1;
-- undo of line 6: drop_table
DROP TABLE `value`;

DELETE FROM migc_version WHERE version_num = 'c0000001';

-- every migration is undone: the version table goes too
DROP TABLE migc_version;
