-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

CREATE TABLE IF NOT EXISTS migc_version (
    version_num VARCHAR(64) NOT NULL,
    CONSTRAINT migc_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> c0000001: categories tree
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: create_table
-- warning[prefer-bigint]: key column categories.id is integer
CREATE TABLE categories (
    id INTEGER NOT NULL,
    parent_id INTEGER,
    name TEXT NOT NULL,
    CONSTRAINT pk_categories PRIMARY KEY (id),
    CONSTRAINT fk_categories_parent_id_categories FOREIGN KEY (parent_id) REFERENCES categories (id) ON DELETE CASCADE
);

INSERT INTO migc_version (version_num) VALUES ('c0000001');

COMMIT;
