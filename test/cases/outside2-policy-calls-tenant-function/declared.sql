-- from: pgschema/pgschema testdata/diff/create_policy/alter_policy_roles and alter_policy_using
-- A tenant policy moves from PUBLIC to a role and its USING now calls a function in another schema (missing on live: created first).
DO $$ BEGIN CREATE ROLE reconcile_case_tenant_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA auth;
CREATE FUNCTION auth.tenant_id() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.current_tenant', true), '')::integer $$;
CREATE TABLE users (id serial PRIMARY KEY, name varchar(100) NOT NULL, tenant_id integer NOT NULL);
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_tenant_isolation ON users FOR ALL TO reconcile_case_tenant_app USING (tenant_id = auth.tenant_id());
