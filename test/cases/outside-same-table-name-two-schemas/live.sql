CREATE SCHEMA archive;
CREATE TABLE entry (id int PRIMARY KEY, body text NOT NULL);
CREATE TABLE archive.entry (id int PRIMARY KEY, body text NOT NULL);
INSERT INTO entry SELECT g, 'b' FROM generate_series(1, 10) g;
INSERT INTO archive.entry SELECT g, 'b' FROM generate_series(1, 10) g;
