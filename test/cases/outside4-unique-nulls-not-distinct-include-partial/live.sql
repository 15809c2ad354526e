CREATE TABLE subscription (id bigint PRIMARY KEY, account bigint NOT NULL, plan text, active boolean NOT NULL DEFAULT true, started date NOT NULL);
INSERT INTO subscription SELECT g, g, CASE WHEN g % 4 = 0 THEN NULL ELSE 'p' || (g % 2) END, g % 5 <> 0, DATE '2026-01-01' + g FROM generate_series(1, 20) g;
CREATE UNIQUE INDEX subscription_account_plan_active ON subscription (account, plan) INCLUDE (started) WHERE active;
