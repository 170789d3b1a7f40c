CREATE TYPE colour AS ENUM ('red');
CREATE TABLE user_profiles (id bigint PRIMARY KEY, display_name text, CONSTRAINT uq_user_profiles_id UNIQUE (id));
CREATE INDEX ix_user_profiles_display_name ON user_profiles (display_name);
