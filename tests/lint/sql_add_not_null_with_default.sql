-- a default fills existing rows; false is not volatile
ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT false;
