CREATE TYPE e AS ENUM ('a', 'b', 'c');
CREATE TABLE t (id integer PRIMARY KEY, category e);
CREATE VIEW v AS SELECT * FROM t;
CREATE VIEW v2 AS SELECT *, 'b'::e AS fixed FROM t;
INSERT INTO t SELECT g, (ARRAY['a', 'b', 'c'])[g % 3 + 1]::e FROM generate_series(1, 9) g;
