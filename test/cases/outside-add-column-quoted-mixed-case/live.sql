CREATE TABLE "Ledger" ("Id" int PRIMARY KEY);
INSERT INTO "Ledger" SELECT g FROM generate_series(1, 20) g;
