-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: seed categories
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 6: data_insert
INSERT INTO categories (id, name, slug) VALUES
    (2, 'Rock ''n'' Roll', 'rock-n-roll'),
    (3, 'Jazz', 'jazz'),
    (10, 'Hidden', 'hidden');
SELECT setval(pg_get_serial_sequence('categories', 'id'), coalesce(max(id), 0) + 1, false) FROM categories;
-- line 10: data_insert
INSERT INTO categories (id, name, slug, vis) VALUES
    (11, 'Secret', 'secret', 'hidden');
SELECT setval(pg_get_serial_sequence('categories', 'id'), coalesce(max(id), 0) + 1, false) FROM categories;

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
