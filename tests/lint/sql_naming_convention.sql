CREATE TYPE "Colour" AS ENUM ('red');
CREATE TABLE "UserProfiles" (id bigint PRIMARY KEY, "displayName" text, CONSTRAINT profiles_pk_extra UNIQUE (id));
CREATE INDEX profiles_name_idx ON "UserProfiles" ("displayName");
ALTER TABLE users ADD COLUMN "nickName" text;
ALTER TABLE users RENAME TO "Members";
