CREATE SCHEMA "we""ird; DROP";
CREATE TABLE "we""ird; DROP"."Tab le" ("I d" bigint PRIMARY KEY, "sel""ect" text);
INSERT INTO "we""ird; DROP"."Tab le" SELECT g, 's' || g FROM generate_series(1, 10) g;
