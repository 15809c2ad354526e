CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL;
ALTER TABLE users ADD COLUMN plan text DEFAULT 'trial';
INSERT INTO users SELECT g, 'u' || g, now() FROM generate_series(1, 5) g;
