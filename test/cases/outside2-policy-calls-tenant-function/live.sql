DO $$ BEGIN CREATE ROLE reconcile_case_tenant_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA auth;
CREATE TABLE users (id serial PRIMARY KEY, name varchar(100) NOT NULL, tenant_id integer NOT NULL);
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_tenant_isolation ON users FOR ALL TO PUBLIC USING (tenant_id = current_setting('app.current_tenant')::integer);
INSERT INTO users (name, tenant_id) SELECT 'user' || g, g % 3 FROM generate_series(1, 9) g;
