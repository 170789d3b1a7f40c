ALTER TABLE users ADD COLUMN rank integer;
ALTER TABLE users ALTER COLUMN rank TYPE bigint;
-- the old types are not in this file
ALTER TABLE users ALTER COLUMN score TYPE bigint;
ALTER TABLE users ALTER COLUMN email TYPE varchar(100);
