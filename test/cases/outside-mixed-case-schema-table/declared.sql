CREATE SCHEMA "Sales";
CREATE TABLE "Sales"."Order" ("Id" int PRIMARY KEY, "Total" numeric(10,2) NOT NULL DEFAULT 0, "Placed" timestamptz);
CREATE INDEX "Order_Placed_idx" ON "Sales"."Order" ("Placed" DESC);
