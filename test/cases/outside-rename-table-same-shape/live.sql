CREATE TABLE customer (id int PRIMARY KEY, email text NOT NULL UNIQUE);
INSERT INTO customer SELECT g, 'e' || g FROM generate_series(1, 10) g;
