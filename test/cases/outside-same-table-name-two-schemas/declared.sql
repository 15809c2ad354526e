CREATE SCHEMA archive;
CREATE TABLE entry (id int PRIMARY KEY, body text NOT NULL, kind text);
CREATE TABLE archive.entry (id int PRIMARY KEY, body text NOT NULL);
CREATE INDEX entry_kind_idx ON entry (kind);
CREATE INDEX entry_kind_idx ON archive.entry (body);
