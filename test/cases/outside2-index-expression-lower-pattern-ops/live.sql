CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL, deleted_at timestamptz);
INSERT INTO users SELECT g, 'User' || g || '@Ex' || (g % 3) || '.com', CASE WHEN g % 5 = 0 THEN now() END FROM generate_series(1, 30) g;
CREATE INDEX users_domain_idx ON users ((split_part(email, '@', 2)));
