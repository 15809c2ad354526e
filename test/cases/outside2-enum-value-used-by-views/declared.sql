-- from: djrobstep/migra tests/FIXTURES/enumdeps (a.sql -> b.sql)
-- An enum that views depend on gains a value (ADD VALUE, the views stay), and a new table uses the enum.
CREATE TYPE e AS ENUM ('a', 'b', 'c', 'd');
CREATE TABLE t (id integer PRIMARY KEY, category e);
CREATE VIEW v AS SELECT * FROM t;
CREATE VIEW v2 AS SELECT *, 'b'::e AS fixed FROM t;
CREATE TABLE created_with_e (id integer, category e);
