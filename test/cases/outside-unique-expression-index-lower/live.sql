CREATE TABLE login (id int PRIMARY KEY, email text NOT NULL);
INSERT INTO login SELECT g, 'User' || g || '@Example.org' FROM generate_series(1, 30) g;
