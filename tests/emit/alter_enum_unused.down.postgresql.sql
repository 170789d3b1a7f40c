-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: unused kinds
-- migrations/1_case.mig (structure-only)
ALTER TYPE unused_kind ADD VALUE IF NOT EXISTS 'b' AFTER 'c';
BEGIN;

-- undo of line 7: alter_enum add value
-- the label 'b' is added before the transaction (above), so that it can be used in it
-- undo of line 6: alter_enum drop value
-- PostgreSQL cannot drop an enum label: rebuild type unused_kind without 'c'
ALTER TYPE unused_kind RENAME TO unused_kind_migc_old;
CREATE TYPE unused_kind AS ENUM ('a', 'b');
DROP TYPE unused_kind_migc_old;

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
