CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint NOT NULL, title text NOT NULL);
INSERT INTO users SELECT g, 'u' || g || '@x.org' FROM generate_series(1, 50) g;
INSERT INTO posts SELECT g, 1 + g % 50, 't' || g FROM generate_series(1, 200) g;
CREATE INDEX hand_made ON posts (user_id);
ALTER TABLE posts ADD CONSTRAINT fk_hand FOREIGN KEY (user_id) REFERENCES users (id);
