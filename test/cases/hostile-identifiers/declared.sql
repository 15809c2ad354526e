CREATE SCHEMA "Sch ✓";
CREATE TYPE "Sch ✓"."E'num" AS ENUM ('it''s', '"q"', 'a\b');
CREATE TABLE "Sch ✓"."Weird ""T""; DROP TABLE users; --" ("select" int PRIMARY KEY, "Mixed Case" "Sch ✓"."E'num" DEFAULT 'it''s', "$1" text NOT NULL DEFAULT '--', "ünï" text);
CREATE INDEX "ix; --" ON "Sch ✓"."Weird ""T""; DROP TABLE users; --" ("$1", "ünï");
CREATE TABLE "Sch ✓"."child/*" (id int PRIMARY KEY, "p
q" int REFERENCES "Sch ✓"."Weird ""T""; DROP TABLE users; --" ("select"));
