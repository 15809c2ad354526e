-- Two views whose query text alone differs (same columns, same types), the second
-- reading the first. On PostgreSQL before 16 the "is it there yet" check cannot compare
-- view text, so a guard built on it took both for done and the repair did nothing
-- (found by test/property/objects.test.ts on 14).
CREATE SCHEMA p;
CREATE TABLE p.t1 (id bigint PRIMARY KEY, a integer NOT NULL DEFAULT 0, b text);
CREATE FUNCTION p.f_add(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x + 4 $$;
CREATE VIEW p.v1 AS SELECT id, a FROM p.t1 WHERE a > 0;
CREATE VIEW p.v2 AS SELECT id, p.f_add(a) AS x FROM p.v1;
