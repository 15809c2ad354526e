CREATE TABLE shelf (id int PRIMARY KEY, title text NOT NULL);
INSERT INTO shelf SELECT g, 'book ' || g FROM generate_series(1, 30) g;
