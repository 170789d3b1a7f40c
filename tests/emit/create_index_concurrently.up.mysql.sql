-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: index concurrently
-- migrations/1_case.mig (lossless)
-- transaction none: these statements run outside a transaction

-- line 9: create_index
-- concurrently: InnoDB builds indexes online without it
ALTER TABLE orders ADD INDEX ix_orders_customer_placed (customer_id, placed_at),
    DROP INDEX fk_orders_customer_id_customers;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
