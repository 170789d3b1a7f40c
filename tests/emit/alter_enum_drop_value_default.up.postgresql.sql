-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: no legacy level
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 6: alter_enum drop value
-- PostgreSQL cannot drop an enum label: rebuild type level without 'legacy'
ALTER TYPE level RENAME TO level_migc_old;
CREATE TYPE level AS ENUM ('low', 'mid', 'high');
ALTER TABLE alerts
    ALTER COLUMN level DROP DEFAULT,
    ALTER COLUMN level TYPE level USING CAST(CAST(level AS TEXT) AS level),
    ALTER COLUMN level SET DEFAULT 'mid';
ALTER TABLE rules
    ALTER COLUMN floor DROP DEFAULT,
    ALTER COLUMN floor TYPE level USING CAST(CAST(floor AS TEXT) AS level),
    ALTER COLUMN floor SET DEFAULT 'low';
DROP TYPE level_migc_old;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
