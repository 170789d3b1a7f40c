-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: defaults of every kind
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 7: create_table
-- warning[prefer-timestamptz]: settings.created_ts is timestamp without time zone
CREATE TABLE settings (
    id UUID NOT NULL DEFAULT gen_random_uuid(),
    n INTEGER NOT NULL DEFAULT 42,
    neg INTEGER DEFAULT -1,
    ratio NUMERIC(5, 2) DEFAULT 0.25,
    neg_ratio DOUBLE PRECISION DEFAULT -2.5,
    name TEXT NOT NULL DEFAULT 'unnamed',
    quoted TEXT DEFAULT 'it''s',
    empty TEXT DEFAULT '',
    flag BOOLEAN NOT NULL DEFAULT true,
    off BOOLEAN DEFAULT false,
    nothing TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_ts TIMESTAMP DEFAULT current_timestamp,
    day DATE DEFAULT current_date,
    at_time TIME DEFAULT current_time,
    feeling mood NOT NULL DEFAULT 'it''s complicated',
    doubled INTEGER DEFAULT (2 + 3) * 4,
    lowered VARCHAR(20) DEFAULT lower('ABC'),
    joined TEXT DEFAULT 'a' || 'b',
    due_on DATE DEFAULT '2025-01-31',
    doc JSONB DEFAULT '{}',
    blob_text TEXT DEFAULT 'x',
    CONSTRAINT pk_settings PRIMARY KEY (id)
);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
