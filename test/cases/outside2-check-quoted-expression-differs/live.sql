CREATE TABLE "Order Line" (
  "Line Id" integer PRIMARY KEY,
  "Qty" integer NOT NULL,
  "Unit Price" numeric(10, 2) NOT NULL,
  CONSTRAINT "Qty In Range" CHECK ("Qty" > 0)
);
INSERT INTO "Order Line" SELECT g, g * 10, g * 1.25 FROM generate_series(1, 20) g;
