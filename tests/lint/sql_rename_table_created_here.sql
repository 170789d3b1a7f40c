CREATE TABLE drafts (id bigint PRIMARY KEY);
ALTER TABLE drafts RENAME TO notes;
