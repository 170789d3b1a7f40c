DELETE FROM sessions;
TRUNCATE audit_log, old_events;
