-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running upgrade s0000001 -> c0000001: hostile names and values
-- migrations/1_case.mig (lossless)
BEGIN;

-- line 9: create_enum
CREATE TYPE "Mood ""x""" AS ENUM ('it''s', 'back\slash', 'ünïcödé', '$$', 'two
lines');
-- line 11: add_column
ALTER TABLE "user" ADD COLUMN "where" "Mood ""x""" DEFAULT 'it''s';
-- line 12: add_column
ALTER TABLE "Mixed Case" ADD COLUMN "from" TEXT NOT NULL DEFAULT 'O''Reilly \ $$ $tag$ -- not a comment';
-- line 13: rename_column
-- warning[rename-column]: renaming column user.group to Group Name breaks code that uses group
ALTER TABLE "user" RENAME COLUMN "group" TO "Group Name";
-- line 14: alter_column type
ALTER TABLE "Mixed Case"
    ALTER COLUMN "quote""in" TYPE VARCHAR(80);
-- line 15: alter_column set default
ALTER TABLE "Mixed Case" ALTER COLUMN "with space" SET DEFAULT 'größe ''q'' \n';
-- line 16: create_index
-- warning[index-not-concurrent]: creating index select blocks writes to user until it is built
CREATE INDEX "select" ON "user" (key, "order") WHERE "select" <> 'it''s' AND key LIKE '%\%%';
-- line 17: add_constraint
-- warning[check-without-not-valid]: check check scans every row of user under a lock
ALTER TABLE "user" ADD CONSTRAINT "check" CHECK ("order" BETWEEN (-1) AND 100 OR "order" IS NULL);
-- line 18: data_insert
INSERT INTO "user" (id, "order", "Group Name", key, "select", "where") VALUES
    (2, 7, 'multi
line', 'ключ', 'a\b', 'ünïcödé'),
    (3, NULL, '$$x$$', '--', '/* c */', '$$');
SELECT setval(pg_get_serial_sequence('"user"', 'id'), coalesce(max(id), 0) + 1, false) FROM "user";
-- line 22: data_insert
INSERT INTO "Mixed Case" ("Id", "with space", "back`tick", user_id) VALUES
    (2, '日本語', '`', 2);
SELECT setval(pg_get_serial_sequence('"Mixed Case"', 'Id'), coalesce(max("Id"), 0) + 1, false) FROM "Mixed Case";
-- line 23: data_update
UPDATE "Mixed Case" SET "back`tick" = "back`tick" || '\' || "with space" WHERE "Id" = 1;
-- line 25: rename_table
-- warning[rename-table]: renaming table Mixed Case to Still "Mixed" Case breaks code that uses Mixed Case
ALTER TABLE "Mixed Case" RENAME TO "Still ""Mixed"" Case";

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

COMMIT;
