-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/policy_cases_test.go ("Alter all alterable attributes on non-public schema")
-- In a mixed-case schema, a quoted policy differs in roles, USING and WITH CHECK (ALTER POLICY); FORCE RLS and a second policy are missing.
DO $$ BEGIN CREATE ROLE reconcile_case_doc_editor NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_doc_viewer NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA "Tenant";
CREATE TABLE "Tenant"."Doc" ("Id" integer PRIMARY KEY, "OwnerName" text NOT NULL, "Shared" boolean NOT NULL DEFAULT false);
ALTER TABLE "Tenant"."Doc" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Tenant"."Doc" FORCE ROW LEVEL SECURITY;
CREATE POLICY "Doc Owner" ON "Tenant"."Doc" FOR ALL TO reconcile_case_doc_editor, reconcile_case_doc_viewer
  USING ("OwnerName" = current_user OR "Shared") WITH CHECK ("OwnerName" = current_user);
CREATE POLICY "Doc No Shared Delete" ON "Tenant"."Doc" AS RESTRICTIVE FOR DELETE TO reconcile_case_doc_editor USING (NOT "Shared");
