-- from: djrobstep/migra tests/FIXTURES/dependencies3 (a.sql -> b.sql)
-- A view and table with parentheses and a question mark in their names: the view's column changes name and type; a table gains a column.
CREATE TABLE t (a integer, b integer);
CREATE VIEW abc AS SELECT a FROM t;
CREATE TABLE "strange_name(((yo?)))" (id text);
CREATE VIEW "strange_view(what)" AS SELECT id::integer * 2 AS a FROM "strange_name(((yo?)))";
