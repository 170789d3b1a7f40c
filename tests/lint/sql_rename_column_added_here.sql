ALTER TABLE users ADD COLUMN nick text;
ALTER TABLE users RENAME nick TO nickname;
