-- from: supabase/pg-toolbelt packages/pg-delta/tests/acl-default-revoke.test.ts and pgschema/pgschema testdata/diff/privilege/revoke_public_function
-- Live has a plain function; the model makes it SECURITY DEFINER with a pinned search_path and takes EXECUTE from PUBLIC.
DO $$ BEGIN CREATE ROLE reconcile_case_sd_caller NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA priv;
CREATE TABLE priv.secret (id integer PRIMARY KEY, owner_name text NOT NULL, value text NOT NULL);
CREATE FUNCTION priv.secret_count(who text) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT count(*) FROM priv.secret WHERE owner_name = who $$;
REVOKE EXECUTE ON FUNCTION priv.secret_count(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION priv.secret_count(text) TO reconcile_case_sd_caller;
