-- Generated offline from the migration files; review before running.
-- MySQL and MariaDB commit each DDL statement at once: a migration that fails
-- halfway leaves its earlier statements applied.  Run with: mysql --force=false

SET NAMES utf8mb4 COLLATE utf8mb4_bin;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION time_zone = '+00:00';

-- Running upgrade s0000001 -> c0000001: stores with table constraints
-- migrations/1_case.mig (lossless)

-- line 7: create_table
CREATE TABLE stores (
    country CHAR(2) NOT NULL,
    number INT NOT NULL,
    region VARCHAR(10),
    name VARCHAR(100) NOT NULL,
    slug VARCHAR(60) NOT NULL,
    opened_on DATE,
    closed_on DATE,
    CONSTRAINT pk_stores PRIMARY KEY (country, number),
    CONSTRAINT uq_stores_country_slug UNIQUE (country, slug),
    CONSTRAINT ck_stores_1 CHECK (number > 0),
    CONSTRAINT fk_stores_country_region_regions FOREIGN KEY (country, region) REFERENCES regions (country, code) ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT uq_stores_name UNIQUE (name),
    CONSTRAINT ck_stores_dates CHECK (closed_on IS NULL OR closed_on >= opened_on),
    CONSTRAINT fk_stores_region_again FOREIGN KEY (country, region) REFERENCES regions (country, code),
    INDEX fk_stores_country_region_regions (country, region),
    INDEX fk_stores_region_again (country, region)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';
