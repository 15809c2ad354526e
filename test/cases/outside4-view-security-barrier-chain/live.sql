CREATE TABLE accounts (id bigint PRIMARY KEY, owner text NOT NULL, secret text, balance numeric NOT NULL DEFAULT 0);
CREATE VIEW my_accounts AS SELECT id, owner, balance FROM accounts WHERE owner = current_user;
CREATE VIEW my_rich_accounts AS SELECT id, balance FROM my_accounts WHERE balance > 1000;
CREATE VIEW account_owners WITH (security_barrier = true) AS SELECT DISTINCT owner FROM accounts;
INSERT INTO accounts SELECT g, 'u' || (g % 4), 's' || g, g * 300 FROM generate_series(1, 12) g;
