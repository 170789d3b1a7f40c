CREATE TABLE tags (id bigint PRIMARY KEY, name text);
-- a typo: nothing in the file is linted until it parses
ALTER TABLE tags ADD COLUMN slug text NOT NUL;
DROP TABLE users;
