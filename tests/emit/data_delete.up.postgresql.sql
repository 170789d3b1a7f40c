-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: expire sessions
-- migrations/1_case.mig (irreversible)
BEGIN;

-- line 6: data_delete
-- @allow irreversible: expired sessions are disposable
-- @allow data-delete: expired sessions are disposable
DELETE FROM sessions WHERE expires_at < now();

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
