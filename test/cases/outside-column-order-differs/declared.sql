CREATE TABLE profile (id int PRIMARY KEY, bio text, handle text NOT NULL);
