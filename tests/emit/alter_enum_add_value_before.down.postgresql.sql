-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: a queued status
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 6: alter_enum drop value
-- PostgreSQL cannot drop an enum label: rebuild type status without 'queued'
DROP INDEX ix_jobs_active;
ALTER TABLE jobs DROP CONSTRAINT ck_jobs_status;
ALTER TYPE status RENAME TO status_migc_old;
CREATE TYPE status AS ENUM ('pending', 'active', 'archived');
ALTER TABLE jobs
    ALTER COLUMN status DROP DEFAULT,
    ALTER COLUMN status TYPE status USING CAST(CAST(status AS TEXT) AS status),
    ALTER COLUMN status SET DEFAULT 'pending';
ALTER TABLE jobs
    ALTER COLUMN previous TYPE status USING CAST(CAST(previous AS TEXT) AS status);
ALTER TABLE runs
    ALTER COLUMN status TYPE status USING CAST(CAST(status AS TEXT) AS status);
DROP TYPE status_migc_old;
CREATE INDEX ix_jobs_active ON jobs (id) WHERE status = 'active';
ALTER TABLE jobs ADD CONSTRAINT ck_jobs_status CHECK (status <> 'pending' OR previous IS NOT NULL OR id > 0);

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
