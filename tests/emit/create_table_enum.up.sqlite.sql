-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: tickets
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: create_table
CREATE TABLE tickets (
    id INTEGER NOT NULL,
    state TEXT CHECK (state IN ('open', 'closed')) NOT NULL DEFAULT 'open',
    previous TEXT CHECK (previous IN ('open', 'closed')),
    CONSTRAINT pk_tickets PRIMARY KEY (id),
    CONSTRAINT ck_tickets_1 CHECK (previous IS NULL OR previous <> state)
);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
