CREATE TABLE memo (id int PRIMARY KEY, body text NOT NULL DEFAULT 'empty');
