-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: expire sessions
-- migrations/1_case.mig (irreversible)
-- irreversible: data_delete cannot be undone; allowed: expired sessions are disposable
BEGIN;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
