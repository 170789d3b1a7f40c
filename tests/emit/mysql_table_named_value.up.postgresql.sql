-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

CREATE TABLE IF NOT EXISTS migc_version (
    version_num VARCHAR(64) NOT NULL,
    CONSTRAINT migc_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> c0000001: a table named value
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: create_table
CREATE TABLE value (
    id BIGINT NOT NULL,
    CONSTRAINT pk_value PRIMARY KEY (id)
);
-- line 7: data_insert
INSERT INTO value (id) VALUES
    (1);

INSERT INTO migc_version (version_num) VALUES ('c0000001');

COMMIT;
