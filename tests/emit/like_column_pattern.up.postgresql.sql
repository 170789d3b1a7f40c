-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

CREATE TABLE IF NOT EXISTS migc_version (
    version_num VARCHAR(64) NOT NULL,
    CONSTRAINT migc_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> c0000001: rules that match names
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: create_table
CREATE TABLE rules (
    id BIGINT NOT NULL,
    name TEXT NOT NULL,
    pattern TEXT NOT NULL,
    hit BOOLEAN,
    CONSTRAINT pk_rules PRIMARY KEY (id)
);
-- line 8: data_insert
INSERT INTO rules (id, name, pattern) VALUES
    (1, 'Hello', 'H%'),
    (2, 'hello', 'H%'),
    (3, 'a*b', 'a*_');
-- line 9: data_update
UPDATE rules SET hit = name LIKE pattern WHERE hit IS NULL;

INSERT INTO migc_version (version_num) VALUES ('c0000001');

COMMIT;
