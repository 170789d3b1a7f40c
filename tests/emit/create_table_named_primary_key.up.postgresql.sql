-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

CREATE TABLE IF NOT EXISTS migc_version (
    version_num VARCHAR(64) NOT NULL,
    CONSTRAINT migc_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> c0000001: named primary keys
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: create_table
CREATE TABLE a (
    id BIGINT NOT NULL,
    CONSTRAINT a_pkey PRIMARY KEY (id)
);
-- line 10: create_table
CREATE TABLE b (
    x INTEGER NOT NULL,
    y INTEGER NOT NULL,
    CONSTRAINT b_pkey PRIMARY KEY (y, x)
);

INSERT INTO migc_version (version_num) VALUES ('c0000001');

COMMIT;
