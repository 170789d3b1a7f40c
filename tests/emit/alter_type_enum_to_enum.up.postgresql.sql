-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: tasks use the new state enum
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 7: alter_column type
-- warning[alter-type-rewrite]: changing tasks.state from task_state to task_state_v2 rewrites tasks
ALTER TABLE tasks
    ALTER COLUMN state DROP DEFAULT,
    ALTER COLUMN state TYPE task_state_v2 USING CAST(CAST(state AS TEXT) AS task_state_v2),
    ALTER COLUMN state SET DEFAULT 'todo';

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
