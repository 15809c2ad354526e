CREATE TABLE users (id integer NOT NULL, email text, created_at timestamptz);
INSERT INTO users SELECT g, 'u' || g || '@x.io', timestamptz '2024-01-01' + g * interval '1 day' FROM generate_series(1, 20) g;
CREATE MATERIALIZED VIEW user_summary AS SELECT id, email, created_at FROM users;
