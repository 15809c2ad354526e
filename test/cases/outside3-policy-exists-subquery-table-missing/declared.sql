-- from: Supabase multi-tenant RLS examples (membership table looked up in a policy); pgschema dependency/table_to_function
-- The membership table never got created (a faked migration), and neither did the policy whose USING looks it up: table first, then the policy.
DO $$ BEGIN CREATE ROLE reconcile_case_anon NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_authenticated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA auth;
CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('request.jwt.claims', true)::jsonb ->> 'sub', '')::uuid $$;
CREATE TABLE orgs (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE documents (id bigint PRIMARY KEY, org_id bigint NOT NULL REFERENCES orgs (id), title text NOT NULL);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE TABLE org_members (org_id bigint NOT NULL REFERENCES orgs (id) ON DELETE CASCADE, user_id uuid NOT NULL, role text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')), PRIMARY KEY (org_id, user_id));
ALTER TABLE org_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_see_org_documents ON documents FOR SELECT TO reconcile_case_authenticated
  USING (EXISTS (SELECT 1 FROM org_members m WHERE m.org_id = documents.org_id AND m.user_id = (SELECT auth.uid())));
CREATE POLICY admins_edit_org_documents ON documents FOR UPDATE TO reconcile_case_authenticated
  USING (org_id IN (SELECT m.org_id FROM org_members m WHERE m.user_id = (SELECT auth.uid()) AND m.role = 'admin'));
CREATE POLICY members_see_themselves ON org_members FOR SELECT TO reconcile_case_authenticated USING (user_id = (SELECT auth.uid()));
