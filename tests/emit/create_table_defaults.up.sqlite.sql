-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: defaults of every kind
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: create_table
CREATE TABLE settings (
    id TEXT NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    n INTEGER NOT NULL DEFAULT 42,
    neg INTEGER DEFAULT -1,
    ratio NUMERIC(5, 2) DEFAULT 0.25,
    neg_ratio DOUBLE DEFAULT -2.5,
    name TEXT NOT NULL DEFAULT 'unnamed',
    quoted TEXT DEFAULT 'it''s',
    empty TEXT DEFAULT '',
    flag BOOLEAN NOT NULL DEFAULT TRUE,
    off BOOLEAN DEFAULT FALSE,
    "nothing" TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_ts TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    day DATE DEFAULT CURRENT_DATE,
    at_time TIME DEFAULT CURRENT_TIME,
    feeling TEXT CHECK (feeling IN ('happy', 'sad', 'it''s complicated')) NOT NULL DEFAULT 'it''s complicated',
    doubled INTEGER DEFAULT ((2 + 3) * 4),
    lowered VARCHAR(20) DEFAULT (lower('ABC')),
    joined TEXT DEFAULT ('a' || 'b'),
    due_on DATE DEFAULT '2025-01-31',
    doc TEXT DEFAULT '{}',
    blob_text TEXT DEFAULT 'x',
    CONSTRAINT pk_settings PRIMARY KEY (id)
);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
