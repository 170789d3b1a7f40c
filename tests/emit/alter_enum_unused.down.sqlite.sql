-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: unused kinds
-- migrations/1_case.mig (structure-only)
BEGIN;

-- undo of line 7: alter_enum add value
-- no column uses enum unused_kind: nothing to change
-- undo of line 6: alter_enum drop value
-- no column uses enum unused_kind: nothing to change

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
