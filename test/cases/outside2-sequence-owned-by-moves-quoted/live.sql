CREATE TABLE "some foobar" ("some id" bigint);
CREATE TABLE "some other foobar" ("some id" bigint);
CREATE SEQUENCE "foobar sequence" AS bigint INCREMENT BY 2 MINVALUE 5 MAXVALUE 100 START WITH 10 CACHE 5 CYCLE
  OWNED BY "some foobar"."some id";
INSERT INTO "some foobar" SELECT nextval('"foobar sequence"') FROM generate_series(1, 4);
INSERT INTO "some other foobar" VALUES (1), (2);
