-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running downgrade c0000001 -> s0000001: hostile names and values
-- migrations/1_case.mig (lossless)

-- undo of line 25: rename_table
RENAME TABLE `Still "Mixed" Case` TO `Mixed Case`;
-- undo of line 23: data_update
UPDATE `Mixed Case` SET `back``tick` = 'b`b' WHERE `Id` = 1;
-- undo of line 22: data_delete
DELETE FROM `Mixed Case` WHERE `Id` = 2;
-- undo of line 18: data_delete
DELETE FROM user WHERE id IN (2, 3);
-- undo of line 17: drop_constraint
ALTER TABLE user DROP CONSTRAINT `check`;
-- undo of line 16: drop_index
DROP INDEX `select` ON user;
-- undo of line 15: alter_column set default
ALTER TABLE `Mixed Case` MODIFY COLUMN `with space` VARCHAR(50) NOT NULL DEFAULT 'a b';
-- undo of line 14: alter_column type
ALTER TABLE `Mixed Case` MODIFY COLUMN `quote"in` VARCHAR(50);
-- undo of line 13: rename_column
ALTER TABLE user RENAME COLUMN `Group Name` TO `group`;
-- undo of line 12: drop_column
ALTER TABLE `Mixed Case` DROP COLUMN `from`;
-- undo of line 11: drop_column
ALTER TABLE user DROP COLUMN `where`;
-- undo of line 9: drop_enum
-- enum Mood "x": nothing to drop, MySQL keeps the labels in each column

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';
