DO $$ BEGIN CREATE ROLE reconcile_case_doc_editor NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_doc_viewer NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA "Tenant";
CREATE TABLE "Tenant"."Doc" ("Id" integer PRIMARY KEY, "OwnerName" text NOT NULL, "Shared" boolean NOT NULL DEFAULT false);
ALTER TABLE "Tenant"."Doc" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Doc Owner" ON "Tenant"."Doc" FOR ALL TO reconcile_case_doc_viewer
  USING ("OwnerName" = current_user) WITH CHECK (true);
INSERT INTO "Tenant"."Doc" SELECT g, 'o' || g, g % 2 = 0 FROM generate_series(1, 6) g;
