-- from: supabase/pg-toolbelt packages/pg-delta/tests/routine-alter.test.ts ("a body-only change plans one CREATE OR REPLACE", "a return-type change still demolishes")
-- In schema s: one function's body differs (CREATE OR REPLACE), another's result type changes int -> bigint (drop and create).
CREATE SCHEMA s;
CREATE FUNCTION s.f() RETURNS integer LANGUAGE sql AS 'SELECT 2';
CREATE FUNCTION s.g() RETURNS bigint LANGUAGE sql AS 'SELECT 1';
CREATE TABLE s.kv (k text PRIMARY KEY, v integer);
