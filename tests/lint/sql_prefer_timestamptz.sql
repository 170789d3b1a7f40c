CREATE TABLE visits (id bigint PRIMARY KEY, at timestamp NOT NULL);
ALTER TABLE users ADD COLUMN last_seen timestamp(3) without time zone;
