CREATE TABLE notes (id bigint PRIMARY KEY, title varchar(40) NOT NULL);
