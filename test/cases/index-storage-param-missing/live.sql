CREATE TABLE hit (id bigint PRIMARY KEY, path text NOT NULL);
INSERT INTO hit SELECT g, '/p/' || g FROM generate_series(1, 40) g;
