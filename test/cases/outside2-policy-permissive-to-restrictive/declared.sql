-- from: djrobstep/migra tests/FIXTURES/rls (a.sql -> b.sql)
-- A permissive policy becomes restrictive (drop and create), and a second table's RLS is not enabled on live.
DO $$ BEGIN CREATE ROLE reconcile_case_rls_manager NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE accounts (manager text, company text, contact_email text);
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY account_managers ON accounts AS RESTRICTIVE TO reconcile_case_rls_manager USING (manager = current_user);
CREATE TABLE accounts2 (manager text, company text, contact_email text);
ALTER TABLE accounts2 ENABLE ROW LEVEL SECURITY;
