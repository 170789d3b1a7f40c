-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: a plpgsql function
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 7: execute
CREATE FUNCTION touch_category() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.name := trim(NEW.name);  -- no ';' after END below on purpose
    RETURN NEW;
END
$$ -- the function body ends here
;
-- line 15: execute
-- execute for other dialects only: nothing to run on postgresql

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
