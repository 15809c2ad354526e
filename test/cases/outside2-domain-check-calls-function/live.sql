-- An empty table (as in pgschema's fixture): on a table holding rows PostgreSQL refuses the ADD COLUMN,
-- since the domain's check rejects the NULL every existing row would get (see test/outside-failing/README.md).
CREATE TABLE widget (id integer PRIMARY KEY, label text NOT NULL);
