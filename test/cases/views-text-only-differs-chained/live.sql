CREATE SCHEMA p;
CREATE TABLE p.t1 (id bigint PRIMARY KEY, a integer NOT NULL DEFAULT 0, b text);
CREATE FUNCTION p.f_add(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + 4 $$;
CREATE VIEW p.v1 AS SELECT id, a FROM p.t1 WHERE a > 1;
CREATE VIEW p.v2 AS SELECT id, p.f_add(a + 1) AS x FROM p.v1;
INSERT INTO p.t1 (id, a, b) SELECT g, g, 'r' || g FROM generate_series(1, 3) g;
