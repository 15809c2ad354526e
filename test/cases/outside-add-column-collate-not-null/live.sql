CREATE TABLE tag (id int PRIMARY KEY);
INSERT INTO tag SELECT g FROM generate_series(1, 25) g;
