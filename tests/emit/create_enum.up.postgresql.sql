-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

CREATE TABLE IF NOT EXISTS migc_version (
    version_num VARCHAR(64) NOT NULL,
    CONSTRAINT migc_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> c0000001: an enum
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: create_enum
CREATE TYPE status AS ENUM ('pending', 'active', 'it''s done', 'Mixed Case');
-- line 8: create_table
CREATE TABLE jobs (
    id BIGINT NOT NULL,
    status status NOT NULL DEFAULT 'pending',
    CONSTRAINT pk_jobs PRIMARY KEY (id)
);

INSERT INTO migc_version (version_num) VALUES ('c0000001');

COMMIT;
