-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

CREATE TABLE IF NOT EXISTS migc_version (
    version_num VARCHAR(64) NOT NULL,
    CONSTRAINT migc_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> c0000001: a table with every portable type
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: create_table
CREATE TABLE everything (
    id BIGINT NOT NULL,
    small SMALLINT,
    regular INTEGER,
    short_int INTEGER,
    flag BOOLEAN,
    ratio REAL,
    precise DOUBLE,
    amount NUMERIC,
    price NUMERIC(10),
    money NUMERIC(12, 2),
    body TEXT,
    title VARCHAR(200),
    code CHAR(3),
    letter CHAR(1),
    born_on DATE,
    opens_at TIME,
    happened_at TIMESTAMP,
    logged_at TIMESTAMPTZ,
    duration TEXT,
    token TEXT,
    doc TEXT,
    docb TEXT,
    payload BLOB,
    CONSTRAINT pk_everything PRIMARY KEY (id)
);

INSERT INTO migc_version (version_num) VALUES ('c0000001');

COMMIT;
