-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: tasks use the new state enum
-- migrations/1_case.mig (structure-only)

-- line 7: alter_column type
-- warning[alter-type-rewrite]: changing tasks.state from task_state to task_state_v2 rewrites tasks
ALTER TABLE tasks MODIFY COLUMN state ENUM('todo', 'doing', 'done') NOT NULL DEFAULT 'todo';

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
