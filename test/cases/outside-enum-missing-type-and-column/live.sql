CREATE TABLE notice (id int PRIMARY KEY, body text NOT NULL);
INSERT INTO notice SELECT g, 'n' || g FROM generate_series(1, 10) g;
