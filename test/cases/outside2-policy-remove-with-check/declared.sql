-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/policy_cases_test.go ("Remove check for ALL policy", "Alter policy check")
-- An ALL policy has a WITH CHECK on live that the model lacks (drop and create); an UPDATE policy's WITH CHECK differs (ALTER POLICY).
DO $$ BEGIN CREATE ROLE reconcile_case_writer NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE note (id integer PRIMARY KEY, author text NOT NULL, body text, locked boolean NOT NULL DEFAULT false);
ALTER TABLE note ENABLE ROW LEVEL SECURITY;
CREATE POLICY note_all ON note FOR ALL TO reconcile_case_writer USING (author = current_user);
CREATE POLICY note_update ON note FOR UPDATE TO reconcile_case_writer USING (true) WITH CHECK (NOT locked AND body IS NOT NULL);
