-- from: pgschema/pgschema testdata/diff/create_index/add_index and PostgreSQL 15 NULLS NOT DISTINCT; a partial unique index with INCLUDE columns is NULLS NOT DISTINCT in the model and plain on live (same name, same columns, rows hold no duplicate NULLs).
CREATE TABLE subscription (id bigint PRIMARY KEY, account bigint NOT NULL, plan text, active boolean NOT NULL DEFAULT true, started date NOT NULL);
CREATE UNIQUE INDEX subscription_account_plan_active ON subscription (account, plan) INCLUDE (started) NULLS NOT DISTINCT WHERE active;
