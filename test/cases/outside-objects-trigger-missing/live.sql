CREATE TABLE article_rev (id int PRIMARY KEY, body text, touched_at timestamptz);
INSERT INTO article_rev SELECT g, 'b', NULL FROM generate_series(1, 10) g;
