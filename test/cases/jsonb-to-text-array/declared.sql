CREATE TABLE posts (id int PRIMARY KEY, tags text[] NOT NULL DEFAULT '{}');
