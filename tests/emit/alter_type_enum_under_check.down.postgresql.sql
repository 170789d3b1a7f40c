-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: tickets move to the second state enum, (and back)
-- migrations/1_case.mig (structure-only)
BEGIN;

-- undo of line 7: alter_column type
DROP INDEX ix_tickets_open;
ALTER TABLE tickets DROP CONSTRAINT ck_tickets_state;
ALTER TABLE tickets
    ALTER COLUMN state TYPE ticket_state USING CAST(CAST(state AS TEXT) AS ticket_state);
CREATE INDEX ix_tickets_open ON tickets (title) WHERE state = 'open';
ALTER TABLE tickets ADD CONSTRAINT ck_tickets_state CHECK (state <> 'spam');

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
