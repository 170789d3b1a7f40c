-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

CREATE TABLE IF NOT EXISTS migc_version (
    version_num VARCHAR(64) NOT NULL,
    CONSTRAINT migc_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> c0000001: predicates compared with a boolean
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 7: create_table
CREATE TABLE t (
    id BIGINT NOT NULL,
    f BOOLEAN NOT NULL,
    x TEXT,
    CONSTRAINT pk_t PRIMARY KEY (id)
);
-- line 8: add_constraint
ALTER TABLE t ADD CONSTRAINT ck_t_in CHECK (f = (id IN (1, 2)) OR f <> (id BETWEEN 3 AND 4));
-- line 9: data_update
UPDATE t SET x = 'hit' WHERE f = (x LIKE 'a%');

INSERT INTO migc_version (version_num) VALUES ('c0000001');

COMMIT;
