-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: raw sql
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: execute
UPDATE categories SET name = upper(name) WHERE id = 1;
-- line 8: execute
INSERT INTO sessions (id, expires_at) VALUES (3, '2030-01-01 00:00:00');

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
