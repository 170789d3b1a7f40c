-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running downgrade c0000001 -> s0000001: drop unused kind
-- migrations/1_case.mig (lossless)

-- undo of line 6: create_enum
-- enum unused_kind: MySQL keeps the labels in each column (ENUM(...)); no statement

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';
