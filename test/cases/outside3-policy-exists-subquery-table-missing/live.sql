DO $$ BEGIN CREATE ROLE reconcile_case_anon NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_authenticated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA auth;
CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('request.jwt.claims', true)::jsonb ->> 'sub', '')::uuid $$;
CREATE TABLE orgs (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE documents (id bigint PRIMARY KEY, org_id bigint NOT NULL REFERENCES orgs (id), title text NOT NULL);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
INSERT INTO orgs VALUES (1, 'acme'), (2, 'globex');
INSERT INTO documents SELECT g, (g % 2) + 1, 'doc ' || g FROM generate_series(1, 6) g;
