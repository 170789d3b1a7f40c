CREATE TABLE tags (id integer PRIMARY KEY, name text);
CREATE TABLE labels (id int GENERATED ALWAYS AS IDENTITY, tag_id smallint, PRIMARY KEY (tag_id));
