-- Generated offline from the migration files; review before running.
-- Run with: psql -v ON_ERROR_STOP=1 -f FILE

-- Running downgrade c0000001 -> s0000001: hostile names and values
-- migrations/1_case.mig (lossless)
BEGIN;

-- undo of line 25: rename_table
ALTER TABLE "Still ""Mixed"" Case" RENAME TO "Mixed Case";
-- undo of line 23: data_update
UPDATE "Mixed Case" SET "back`tick" = 'b`b' WHERE "Id" = 1;
-- undo of line 22: data_delete
DELETE FROM "Mixed Case" WHERE "Id" = 2;
-- undo of line 18: data_delete
DELETE FROM "user" WHERE id IN (2, 3);
-- undo of line 17: drop_constraint
ALTER TABLE "user" DROP CONSTRAINT "check";
-- undo of line 16: drop_index
DROP INDEX "select";
-- undo of line 15: alter_column set default
ALTER TABLE "Mixed Case" ALTER COLUMN "with space" SET DEFAULT 'a b';
-- undo of line 14: alter_column type
ALTER TABLE "Mixed Case"
    ALTER COLUMN "quote""in" TYPE VARCHAR(50);
-- undo of line 13: rename_column
ALTER TABLE "user" RENAME COLUMN "Group Name" TO "group";
-- undo of line 12: drop_column
ALTER TABLE "Mixed Case" DROP COLUMN "from";
-- undo of line 11: drop_column
ALTER TABLE "user" DROP COLUMN "where";
-- undo of line 9: drop_enum
DROP TYPE "Mood ""x""";

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

COMMIT;
