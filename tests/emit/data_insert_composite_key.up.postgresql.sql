-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: seed tags
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: data_insert
INSERT INTO tags (category_id, tag, weight) VALUES
    (1, 'breaking', 5),
    (1, 'local', 2);
-- line 7: data_insert
INSERT INTO tags (category_id, tag) VALUES
    (1, 'it''s');

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
