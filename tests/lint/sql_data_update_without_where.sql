UPDATE users SET score = 0;
