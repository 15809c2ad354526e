CREATE TABLE receipt (id int PRIMARY KEY, seq_no bigint);
INSERT INTO receipt SELECT g, g FROM generate_series(1, 10) g;
