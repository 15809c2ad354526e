CREATE TABLE invoice (id int PRIMARY KEY, number bigint NOT NULL);
INSERT INTO invoice SELECT g, g FROM generate_series(1, 10) g;
