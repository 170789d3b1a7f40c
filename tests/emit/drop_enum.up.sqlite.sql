-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: drop unused kind
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: drop_enum
-- SQLite has no enum types: nothing to drop for unused_kind

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
