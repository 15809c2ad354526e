-- from: pgschema/pgschema testdata/diff/dependency/issue_300_function_table_composite_type
-- A composite type in another schema and a function returning SETOF it are missing.
CREATE SCHEMA api;
CREATE TABLE account (id integer PRIMARY KEY, name text NOT NULL, balance numeric NOT NULL DEFAULT 0);
CREATE TYPE api.account_row AS (id integer, name text, balance numeric);
CREATE FUNCTION api.rich_accounts(min_balance numeric) RETURNS SETOF api.account_row LANGUAGE sql STABLE AS $$
  SELECT id, name, balance FROM public.account WHERE balance >= min_balance
$$;
