-- from: stripe/pg-schema-diff policy cases "Alter policy applies to" and "Restrictive to permissive policy"; a permissive policy names two roles in the model and one on live, and a restrictive policy on the same table is missing.
DO $$ BEGIN CREATE ROLE reconcile_case_staff NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_support NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE tickets (id bigint PRIMARY KEY, tenant text NOT NULL, archived boolean NOT NULL DEFAULT false, body text);
ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
CREATE POLICY tickets_tenant ON tickets FOR SELECT TO reconcile_case_staff, reconcile_case_support USING (tenant = current_setting('app.tenant', true));
CREATE POLICY tickets_not_archived ON tickets AS RESTRICTIVE FOR ALL TO reconcile_case_support USING (NOT archived) WITH CHECK (NOT archived);
