-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: tickets move to the second state enum, (and back)
-- migrations/1_case.mig (structure-only)

-- line 7: alter_column type
-- warning[alter-type-rewrite]: changing tickets.state from ticket_state to ticket_state_v2 rewrites tickets
ALTER TABLE tickets MODIFY COLUMN state ENUM('open', 'closed', 'spam', 'merged') NOT NULL;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
