CREATE TABLE posts (id int PRIMARY KEY, tags jsonb NOT NULL DEFAULT '[]');
INSERT INTO posts VALUES (1, '["a", "b"]'), (2, '[]');
