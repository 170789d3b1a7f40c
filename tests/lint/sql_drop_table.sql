DROP TABLE legacy;
DROP TABLE IF EXISTS public.audit_log, old_sessions CASCADE;
