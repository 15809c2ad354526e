-- from: supabase/pg-toolbelt tests acl-default-revoke; Supabase hardening migrations ("alter default privileges revoke execute on functions from public")
-- A database-wide default privilege (no IN SCHEMA) revokes EXECUTE from PUBLIC; a schema-level one grants it to authenticated.
-- Live lacks both, so the function created after them still has PUBLIC's EXECUTE and lacks authenticated's.
DO $$ BEGIN CREATE ROLE reconcile_case_anon NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_authenticated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA api;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA api GRANT EXECUTE ON FUNCTIONS TO reconcile_case_authenticated;
CREATE FUNCTION api.whoami() RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_user::text $$;
