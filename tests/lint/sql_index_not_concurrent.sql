CREATE INDEX ix_users_email ON users (email);
CREATE UNIQUE INDEX ON orders (ref);
