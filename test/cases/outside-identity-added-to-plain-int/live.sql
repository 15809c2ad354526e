CREATE TABLE widget (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO widget SELECT g, 'w' || g FROM generate_series(1, 35) g;
