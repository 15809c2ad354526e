-- A hand-made unique index holds the name the declared constraint needs, and is exactly its index.
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX users_email_key ON users (email);
INSERT INTO users SELECT g, 'u' || g || '@x.org' FROM generate_series(1, 50) g;
