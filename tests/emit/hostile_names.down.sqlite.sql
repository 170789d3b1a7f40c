-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running downgrade c0000001 -> s0000001: hostile names and values
-- migrations/1_case.mig (lossless)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- undo of line 25: rename_table
ALTER TABLE "Still ""Mixed"" Case" RENAME TO "Mixed Case";
-- undo of line 23: data_update
UPDATE "Mixed Case" SET "back`tick" = 'b`b' WHERE "Id" = 1;
-- undo of line 22: data_delete
DELETE FROM "Mixed Case" WHERE "Id" = 2;
-- undo of line 18: data_delete
DELETE FROM user WHERE id IN (2, 3);
-- undo of line 17: drop_constraint
-- SQLite cannot drop a constraint from a table: rebuild table user from the model
CREATE TABLE user__migc_new (
    id INTEGER NOT NULL,
    "order" INTEGER,
    "Group Name" VARCHAR(20),
    "key" VARCHAR(20),
    "select" TEXT,
    "where" TEXT CHECK ("where" IN ('it''s', 'back\slash', 'ünïcödé', '$$', 'two
lines')) DEFAULT 'it''s',
    CONSTRAINT pk_user PRIMARY KEY (id)
);
INSERT INTO user__migc_new (id, "order", "Group Name", "key", "select", "where")
SELECT id, "order", "Group Name", "key", "select", "where" FROM user;
DROP TABLE user;
PRAGMA legacy_alter_table=ON;
ALTER TABLE user__migc_new RENAME TO user;
PRAGMA legacy_alter_table=OFF;
CREATE INDEX "select" ON user ("key", "order") WHERE "select" <> 'it''s' AND "key" GLOB '*%*';
-- undo of line 16: drop_index
DROP INDEX "select";
-- undo of line 15: alter_column set default
-- SQLite cannot change a column's default: rebuild table Mixed Case from the model
CREATE TABLE "Mixed Case__migc_new" (
    "Id" INTEGER NOT NULL,
    "with space" VARCHAR(50) NOT NULL DEFAULT 'a b',
    "quote""in" VARCHAR(80),
    "back`tick" VARCHAR(50),
    "größe" INTEGER,
    user_id BIGINT,
    "from" TEXT NOT NULL DEFAULT 'O''Reilly \ $$ $tag$ -- not a comment',
    CONSTRAINT "pk_Mixed Case" PRIMARY KEY ("Id"),
    CONSTRAINT "ck_Mixed Case_1" CHECK ("größe" >= 0),
    CONSTRAINT "fk_Mixed Case_user_id_user" FOREIGN KEY (user_id) REFERENCES user (id) ON DELETE CASCADE
);
INSERT INTO "Mixed Case__migc_new" ("Id", "with space", "quote""in", "back`tick", "größe", user_id, "from")
SELECT "Id", "with space", "quote""in", "back`tick", "größe", user_id, "from" FROM "Mixed Case";
DROP TABLE "Mixed Case";
PRAGMA legacy_alter_table=ON;
ALTER TABLE "Mixed Case__migc_new" RENAME TO "Mixed Case";
PRAGMA legacy_alter_table=OFF;
CREATE INDEX "ix mixed ""odd"" name" ON "Mixed Case" ("with space", "größe");
-- undo of line 14: alter_column type
-- SQLite cannot change a column's type: rebuild table Mixed Case from the model
CREATE TABLE "Mixed Case__migc_new" (
    "Id" INTEGER NOT NULL,
    "with space" VARCHAR(50) NOT NULL DEFAULT 'a b',
    "quote""in" VARCHAR(50),
    "back`tick" VARCHAR(50),
    "größe" INTEGER,
    user_id BIGINT,
    "from" TEXT NOT NULL DEFAULT 'O''Reilly \ $$ $tag$ -- not a comment',
    CONSTRAINT "pk_Mixed Case" PRIMARY KEY ("Id"),
    CONSTRAINT "ck_Mixed Case_1" CHECK ("größe" >= 0),
    CONSTRAINT "fk_Mixed Case_user_id_user" FOREIGN KEY (user_id) REFERENCES user (id) ON DELETE CASCADE
);
INSERT INTO "Mixed Case__migc_new" ("Id", "with space", "quote""in", "back`tick", "größe", user_id, "from")
SELECT "Id", "with space", "quote""in", "back`tick", "größe", user_id, "from" FROM "Mixed Case";
DROP TABLE "Mixed Case";
PRAGMA legacy_alter_table=ON;
ALTER TABLE "Mixed Case__migc_new" RENAME TO "Mixed Case";
PRAGMA legacy_alter_table=OFF;
CREATE INDEX "ix mixed ""odd"" name" ON "Mixed Case" ("with space", "größe");
-- undo of line 13: rename_column
ALTER TABLE user RENAME COLUMN "Group Name" TO "group";
-- undo of line 12: drop_column
ALTER TABLE "Mixed Case" DROP COLUMN "from";
-- undo of line 11: drop_column
ALTER TABLE user DROP COLUMN "where";
-- undo of line 9: drop_enum
-- SQLite has no enum types: nothing to drop for Mood "x"

UPDATE migc_version SET version_num = 's0000001' WHERE version_num = 'c0000001';

-- every foreign key must still hold after the table rebuilds
PRAGMA foreign_key_check;
CREATE TEMP TABLE migc_foreign_key_check (
    violations INTEGER CONSTRAINT "foreign key violations: see PRAGMA foreign_key_check" CHECK (violations = 0)
);
INSERT INTO migc_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.migc_foreign_key_check;

COMMIT;
PRAGMA foreign_keys=ON;
