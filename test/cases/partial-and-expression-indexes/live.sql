CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
ALTER TABLE users ADD COLUMN deleted_at timestamptz;
INSERT INTO users SELECT g, 'u' || g || '@x.org' FROM generate_series(1, 50) g;
