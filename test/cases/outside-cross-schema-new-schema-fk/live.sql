CREATE TABLE customer (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO customer SELECT g, 'c' || g FROM generate_series(1, 10) g;
