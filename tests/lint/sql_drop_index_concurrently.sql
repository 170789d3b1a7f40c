DROP INDEX CONCURRENTLY ix_users_name;
-- an index made in this file is on a table nobody uses yet
CREATE TABLE tags_new (id bigint);
CREATE INDEX ix_tmp ON tags_new (id);
DROP INDEX ix_tmp;
