CREATE TABLE visits (id bigint PRIMARY KEY, at timestamptz NOT NULL, at2 timestamp with time zone);
