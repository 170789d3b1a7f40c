-- Generated offline from the migration files; review before running.
-- Run with: sqlite3 -bail DATABASE < FILE

-- Running upgrade s0000001 -> c0000001: hostile names and values
-- migrations/1_case.mig (lossless)
-- SQLite table rebuilds: foreign keys are off for this migration, so dropping
-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and
-- ON UPDATE actions do not run in it either; every key is checked at its end.
PRAGMA foreign_keys=OFF;
BEGIN;

-- line 9: create_enum
-- SQLite has no enum types: columns of Mood "x" are TEXT with a CHECK of its labels
-- line 11: add_column
ALTER TABLE user ADD COLUMN "where" TEXT CHECK ("where" IN ('it''s', 'back\slash', 'ünïcödé', '$$', 'two
lines')) DEFAULT 'it''s';
-- line 12: add_column
ALTER TABLE "Mixed Case" ADD COLUMN "from" TEXT NOT NULL DEFAULT 'O''Reilly \ $$ $tag$ -- not a comment';
-- line 13: rename_column
-- warning[rename-column]: renaming column user.group to Group Name breaks code that uses group
ALTER TABLE user RENAME COLUMN "group" TO "Group Name";
-- line 14: alter_column type
-- info[sqlite-table-rebuild]: SQLite cannot change a column's type: table Mixed Case is rebuilt
-- SQLite cannot change a column's type: rebuild table Mixed Case from the model
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
-- line 15: alter_column set default
-- info[sqlite-table-rebuild]: SQLite cannot change a column's default: table Mixed Case is rebuilt
-- SQLite cannot change a column's default: rebuild table Mixed Case from the model
CREATE TABLE "Mixed Case__migc_new" (
    "Id" INTEGER NOT NULL,
    "with space" VARCHAR(50) NOT NULL DEFAULT 'größe ''q'' \n',
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
-- line 16: create_index
CREATE INDEX "select" ON user ("key", "order") WHERE "select" <> 'it''s' AND "key" GLOB '*%*';
-- line 17: add_constraint
-- info[sqlite-table-rebuild]: SQLite cannot add a constraint to a table: table user is rebuilt
-- SQLite cannot add a constraint to a table: rebuild table user from the model
CREATE TABLE user__migc_new (
    id INTEGER NOT NULL,
    "order" INTEGER,
    "Group Name" VARCHAR(20),
    "key" VARCHAR(20),
    "select" TEXT,
    "where" TEXT CHECK ("where" IN ('it''s', 'back\slash', 'ünïcödé', '$$', 'two
lines')) DEFAULT 'it''s',
    CONSTRAINT pk_user PRIMARY KEY (id),
    CONSTRAINT "check" CHECK ("order" BETWEEN (-1) AND 100 OR "order" IS NULL)
);
INSERT INTO user__migc_new (id, "order", "Group Name", "key", "select", "where")
SELECT id, "order", "Group Name", "key", "select", "where" FROM user;
DROP TABLE user;
PRAGMA legacy_alter_table=ON;
ALTER TABLE user__migc_new RENAME TO user;
PRAGMA legacy_alter_table=OFF;
CREATE INDEX "select" ON user ("key", "order") WHERE "select" <> 'it''s' AND "key" GLOB '*%*';
-- line 18: data_insert
INSERT INTO user (id, "order", "Group Name", "key", "select", "where") VALUES
    (2, 7, 'multi
line', 'ключ', 'a\b', 'ünïcödé'),
    (3, NULL, '$$x$$', '--', '/* c */', '$$');
-- line 22: data_insert
INSERT INTO "Mixed Case" ("Id", "with space", "back`tick", user_id) VALUES
    (2, '日本語', '`', 2);
-- line 23: data_update
UPDATE "Mixed Case" SET "back`tick" = "back`tick" || '\' || "with space" WHERE "Id" = 1;
-- line 25: rename_table
-- warning[rename-table]: renaming table Mixed Case to Still "Mixed" Case breaks code that uses Mixed Case
ALTER TABLE "Mixed Case" RENAME TO "Still ""Mixed"" Case";

UPDATE migc_version SET version_num = 'c0000001' WHERE version_num = 's0000001';

-- every foreign key must still hold after the table rebuilds
PRAGMA foreign_key_check;
CREATE TEMP TABLE migc_foreign_key_check (
    violations INTEGER CONSTRAINT "foreign key violations: see PRAGMA foreign_key_check" CHECK (violations = 0)
);
INSERT INTO migc_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;
DROP TABLE temp.migc_foreign_key_check;

COMMIT;
PRAGMA foreign_keys=ON;
