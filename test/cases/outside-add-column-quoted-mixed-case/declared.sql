CREATE TABLE "Ledger" ("Id" int PRIMARY KEY, "DisplayName" varchar(80) DEFAULT 'n/a', "Amount Due" numeric(12,2));
