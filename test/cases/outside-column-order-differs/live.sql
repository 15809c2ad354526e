CREATE TABLE profile (id int PRIMARY KEY, handle text NOT NULL, bio text);
INSERT INTO profile SELECT g, 'h' || g, NULL FROM generate_series(1, 10) g;
