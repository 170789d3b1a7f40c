-- the safe way: a validated check proves there are no nulls (PostgreSQL 12+)
ALTER TABLE users ADD CONSTRAINT ck_users_name_not_null CHECK (name IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT ck_users_name_not_null;
ALTER TABLE users ALTER COLUMN name SET NOT NULL;
