CREATE TABLE t (a integer);
CREATE VIEW abc AS SELECT a FROM t;
CREATE TABLE "strange_name(((yo?)))" (id text);
CREATE VIEW "strange_view(what)" AS SELECT id FROM "strange_name(((yo?)))";
INSERT INTO t SELECT g FROM generate_series(1, 5) g;
INSERT INTO "strange_name(((yo?)))" SELECT g::text FROM generate_series(1, 5) g;
