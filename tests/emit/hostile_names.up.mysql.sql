-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: hostile names and values
-- migrations/1_case.mig (lossless)

-- line 9: create_enum
-- enum Mood "x": MySQL keeps the labels in each column (ENUM(...)); no statement
-- line 11: add_column
ALTER TABLE user ADD COLUMN `where` ENUM('it''s', 'back\\slash', 'ünïcödé', '$$', 'two
lines') DEFAULT 'it''s';
-- line 12: add_column
ALTER TABLE `Mixed Case` ADD COLUMN `from` LONGTEXT NOT NULL DEFAULT ('O''Reilly \\ $$ $tag$ -- not a comment');
-- line 13: rename_column
-- warning[rename-column]: renaming column user.group to Group Name breaks code that uses group
ALTER TABLE user RENAME COLUMN `group` TO `Group Name`;
-- line 14: alter_column type
-- warning[alter-type-rewrite]: changing Mixed Case.quote"in from varchar(50) to varchar(80) rewrites Mixed Case on mysql
ALTER TABLE `Mixed Case` MODIFY COLUMN `quote"in` VARCHAR(80);
-- line 15: alter_column set default
ALTER TABLE `Mixed Case` MODIFY COLUMN `with space` VARCHAR(50) NOT NULL DEFAULT 'größe ''q'' \\n';
-- line 16: create_index
-- MySQL has no partial indexes: select covers every row
CREATE INDEX `select` ON user (`key`, `order`);
-- line 17: add_constraint
ALTER TABLE user ADD CONSTRAINT `check` CHECK (`order` BETWEEN (-1) AND 100 OR `order` IS NULL);
-- line 18: data_insert
INSERT INTO user (id, `order`, `Group Name`, `key`, `select`, `where`) VALUES
    (2, 7, 'multi
line', 'ключ', 'a\\b', 'ünïcödé'),
    (3, NULL, '$$x$$', '--', '/* c */', '$$');
-- line 22: data_insert
INSERT INTO `Mixed Case` (`Id`, `with space`, `back``tick`, user_id) VALUES
    (2, '日本語', '`', 2);
-- line 23: data_update
UPDATE `Mixed Case` SET `back``tick` = CONCAT(`back``tick`, '\\', `with space`) WHERE `Id` = 1;
-- line 25: rename_table
-- warning[rename-table]: renaming table Mixed Case to Still "Mixed" Case breaks code that uses Mixed Case
RENAME TABLE `Mixed Case` TO `Still "Mixed" Case`;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
