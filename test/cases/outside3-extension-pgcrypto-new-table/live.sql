CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
INSERT INTO users SELECT g, 'u' || g || '@x.org' FROM generate_series(1, 4) g;
