-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: unused kinds
-- migrations/1_case.mig (structure-only)
ALTER TYPE unused_kind ADD VALUE IF NOT EXISTS 'c' AFTER 'a';
BEGIN;

-- line 6: alter_enum add value
-- info[enum-value-position]: label 'c' goes after 'a', not at the end of unused_kind
-- the label 'c' is added before the transaction (above), so that it can be used in it
-- line 7: alter_enum drop value
-- PostgreSQL cannot drop an enum label: rebuild type unused_kind without 'b'
ALTER TYPE unused_kind RENAME TO unused_kind_migc_old;
CREATE TYPE unused_kind AS ENUM ('a', 'c');
DROP TYPE unused_kind_migc_old;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
