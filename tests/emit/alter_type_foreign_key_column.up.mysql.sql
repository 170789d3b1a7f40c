-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: longer item codes
-- migrations/1_case.mig (lossless)

-- line 6: alter_column type
-- MySQL cannot change the type of a column in a foreign key: drop, change, add again
ALTER TABLE parts DROP FOREIGN KEY fk_parts_item_code_items;
ALTER TABLE items MODIFY COLUMN code VARCHAR(40);
ALTER TABLE parts ADD CONSTRAINT fk_parts_item_code_items FOREIGN KEY (item_code) REFERENCES items (code) ON DELETE SET NULL;
-- line 7: alter_column type
-- MySQL cannot change the type of a column in a foreign key: drop, change, add again
ALTER TABLE parts DROP FOREIGN KEY fk_parts_item_code_items;
ALTER TABLE parts MODIFY COLUMN item_code VARCHAR(40);
ALTER TABLE parts ADD CONSTRAINT fk_parts_item_code_items FOREIGN KEY (item_code) REFERENCES items (code) ON DELETE SET NULL;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
