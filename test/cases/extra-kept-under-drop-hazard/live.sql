CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TABLE access (
  id integer PRIMARY KEY,
  name text NOT NULL,
  permissions text NOT NULL DEFAULT 'read',
  feeling mood,
  CONSTRAINT access_name_unique UNIQUE (name),
  CONSTRAINT access_name_check CHECK (name <> '')
);
CREATE INDEX access_permissions_idx ON access (permissions);
CREATE TABLE legacy (id integer PRIMARY KEY, access_id integer REFERENCES access (id));
INSERT INTO access VALUES (1, 'a', 'write', 'ok'), (2, 'b', 'read', NULL);
INSERT INTO legacy VALUES (1, 1);
