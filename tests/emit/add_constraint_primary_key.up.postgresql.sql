-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: members get a key
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: add_constraint
-- warning[add-primary-key]: primary key pk_members builds its index on members while blocking writes
ALTER TABLE members ADD CONSTRAINT pk_members PRIMARY KEY (id);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
