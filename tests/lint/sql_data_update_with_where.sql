UPDATE users SET score = 0 WHERE score IS NULL;
