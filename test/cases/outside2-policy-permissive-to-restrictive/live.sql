DO $$ BEGIN CREATE ROLE reconcile_case_rls_manager NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE accounts (manager text, company text, contact_email text);
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY account_managers ON accounts TO reconcile_case_rls_manager USING (manager = current_user);
CREATE TABLE accounts2 (manager text, company text, contact_email text);
INSERT INTO accounts SELECT 'm' || g, 'co' || g, 'c' || g || '@x.org' FROM generate_series(1, 6) g;
INSERT INTO accounts2 SELECT 'm' || g, 'co' || g, NULL FROM generate_series(1, 4) g;
