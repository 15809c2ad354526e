CREATE TABLE account (id int PRIMARY KEY, status text NOT NULL DEFAULT 'active', note text);
