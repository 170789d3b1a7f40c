BEGIN;
ALTER TABLE users ADD COLUMN nick text;
COMMIT;
CREATE INDEX CONCURRENTLY ix_users_nick ON users (nick);
