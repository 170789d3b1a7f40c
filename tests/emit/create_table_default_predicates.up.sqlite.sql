-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

CREATE TABLE IF NOT EXISTS migc_version (
    version_num VARCHAR(64) NOT NULL,
    CONSTRAINT migc_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> c0000001: defaults that are predicates
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 8: create_table
CREATE TABLE flags (
    id BIGINT NOT NULL,
    a BOOLEAN DEFAULT (NOT FALSE),
    b BOOLEAN DEFAULT (TRUE AND FALSE),
    c BOOLEAN DEFAULT (1 BETWEEN 0 AND 2),
    d BOOLEAN DEFAULT ('x' GLOB 'y'),
    e BOOLEAN DEFAULT (1 IN (1, 2)),
    f BOOLEAN DEFAULT (NULL IS NULL),
    g INTEGER DEFAULT (-(-5)),
    h INTEGER DEFAULT -5,
    i BOOLEAN DEFAULT (1 < 2),
    CONSTRAINT pk_flags PRIMARY KEY (id)
);

INSERT INTO migc_version (version_num) VALUES ('c0000001');

COMMIT;
