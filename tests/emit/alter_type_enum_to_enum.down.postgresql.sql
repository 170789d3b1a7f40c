-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: tasks use the new state enum
-- migrations/1_case.mig (structure-only)
BEGIN;

-- undo of line 7: alter_column type
ALTER TABLE tasks
    ALTER COLUMN state DROP DEFAULT,
    ALTER COLUMN state TYPE task_state USING CAST(CAST(state AS TEXT) AS task_state),
    ALTER COLUMN state SET DEFAULT 'todo';

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
