-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: tickets move to the second state enum, (and back)
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 7: alter_column type
-- warning[alter-type-rewrite]: changing tickets.state from ticket_state to ticket_state_v2 rewrites tickets
DROP INDEX ix_tickets_open;
ALTER TABLE tickets DROP CONSTRAINT ck_tickets_state;
ALTER TABLE tickets
    ALTER COLUMN state TYPE ticket_state_v2 USING CAST(CAST(state AS TEXT) AS ticket_state_v2);
CREATE INDEX ix_tickets_open ON tickets (title) WHERE state = 'open';
ALTER TABLE tickets ADD CONSTRAINT ck_tickets_state CHECK (state <> 'spam');

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
