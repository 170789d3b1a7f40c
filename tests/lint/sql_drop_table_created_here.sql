-- a table made and dropped in one file is empty
CREATE TABLE scratch (id bigint PRIMARY KEY);
DROP TABLE scratch;
