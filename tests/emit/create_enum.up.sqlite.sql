-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

CREATE TABLE IF NOT EXISTS migc_version (
    version_num VARCHAR(64) NOT NULL,
    CONSTRAINT migc_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> c0000001: an enum
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: create_enum
-- SQLite has no enum types: columns of status are TEXT with a CHECK of its labels
-- line 8: create_table
CREATE TABLE jobs (
    id BIGINT NOT NULL,
    status TEXT CHECK (status IN ('pending', 'active', 'it''s done', 'Mixed Case')) NOT NULL DEFAULT 'pending',
    CONSTRAINT pk_jobs PRIMARY KEY (id)
);

INSERT INTO migc_version (version_num) VALUES ('c0000001');

COMMIT;
