CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), title text NOT NULL, body text, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX posts_user_id ON posts (user_id);
