CREATE TABLE city (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO city SELECT g, 'City ' || g FROM generate_series(1, 30) g;
