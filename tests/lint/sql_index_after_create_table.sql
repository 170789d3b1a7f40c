-- no BEGIN: the index still comes after its table, which nobody uses yet
CREATE TABLE tags (id bigint PRIMARY KEY, name text NOT NULL);
CREATE INDEX ix_tags_name ON tags (name);
