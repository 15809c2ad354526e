-- from: apgdiff/pgcodekeeper fixtures add_view_option (CREATE VIEW ... WITH (security_barrier)); the option is missing on a live view that another view reads from, and a second view has security_barrier on live that the model does not.
CREATE TABLE accounts (id bigint PRIMARY KEY, owner text NOT NULL, secret text, balance numeric NOT NULL DEFAULT 0);
CREATE VIEW my_accounts WITH (security_barrier) AS SELECT id, owner, balance FROM accounts WHERE owner = current_user;
CREATE VIEW my_rich_accounts AS SELECT id, balance FROM my_accounts WHERE balance > 1000;
CREATE VIEW account_owners AS SELECT DISTINCT owner FROM accounts;
