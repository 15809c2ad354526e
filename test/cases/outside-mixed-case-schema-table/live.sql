CREATE SCHEMA "Sales";
CREATE TABLE "Sales"."Order" ("Id" int PRIMARY KEY, "Total" numeric(10,2) NOT NULL DEFAULT 0);
INSERT INTO "Sales"."Order" SELECT g, g FROM generate_series(1, 10) g;
