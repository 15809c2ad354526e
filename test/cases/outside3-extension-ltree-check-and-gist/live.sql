CREATE TABLE categories (id int PRIMARY KEY, label text NOT NULL);
INSERT INTO categories SELECT g, 'cat ' || g FROM generate_series(1, 12) g;
