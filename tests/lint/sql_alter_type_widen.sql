-- varchar(20) -> varchar(100) -> text and a wider numeric keep the bytes
ALTER TABLE users ADD COLUMN nick varchar(20), ADD COLUMN balance numeric(10,2);
ALTER TABLE users ALTER COLUMN nick TYPE varchar(100);
ALTER TABLE users ALTER COLUMN nick TYPE text;
ALTER TABLE users ALTER COLUMN balance TYPE numeric(12,2);
ALTER TABLE users ALTER COLUMN balance TYPE numeric;
