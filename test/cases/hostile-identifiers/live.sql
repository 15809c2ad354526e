CREATE SCHEMA "Sch ✓";
CREATE TYPE "Sch ✓"."E'num" AS ENUM ('it''s');
CREATE TABLE "Sch ✓"."Weird ""T""; DROP TABLE users; --" ("select" int PRIMARY KEY);
INSERT INTO "Sch ✓"."Weird ""T""; DROP TABLE users; --" VALUES (1), (2);
