CREATE TABLE docs (id bigint PRIMARY KEY, body jsonb);
