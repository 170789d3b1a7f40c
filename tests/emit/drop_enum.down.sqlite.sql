-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: drop unused kind
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 6: create_enum
-- SQLite has no enum types: columns of unused_kind are TEXT with a CHECK of its labels

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
