CREATE TABLE keep_me (id int PRIMARY KEY);
INSERT INTO keep_me SELECT generate_series(1, 5);
