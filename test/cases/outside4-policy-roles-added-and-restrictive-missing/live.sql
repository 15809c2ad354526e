DO $$ BEGIN CREATE ROLE reconcile_case_staff NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_support NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE tickets (id bigint PRIMARY KEY, tenant text NOT NULL, archived boolean NOT NULL DEFAULT false, body text);
ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
CREATE POLICY tickets_tenant ON tickets FOR SELECT TO reconcile_case_staff USING (tenant = current_setting('app.tenant', true));
INSERT INTO tickets SELECT g, 't' || (g % 3), g % 4 = 0, 'body ' || g FROM generate_series(1, 12) g;
