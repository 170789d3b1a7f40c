-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: normalize slugs
-- migrations/1_case.mig (structure-only)
BEGIN;

-- line 6: data_update
-- @allow data-update-without-where: a few hundred rows
UPDATE categories SET slug = lower(slug);

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
