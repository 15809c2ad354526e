-- from: supabase/pg-toolbelt dbdev migrations fix_view_permissions / allow_anon_access_to_package_views; stripe/pg-schema-diff view "alter - add security barrier"
-- One view must run with the caller's rights (security_invoker), another was flipped back to definer rights explicitly; a third gains security_barrier.
DO $$ BEGIN CREATE ROLE reconcile_case_anon NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_authenticated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE packages (id bigint PRIMARY KEY, name text NOT NULL, owner text NOT NULL, private boolean NOT NULL DEFAULT false, UNIQUE NULLS NOT DISTINCT (owner, name));
CREATE VIEW package_list WITH (security_invoker = true) AS SELECT id, name, owner FROM packages;
CREATE VIEW public_packages WITH (security_invoker = false) AS SELECT id, name FROM packages WHERE NOT private;
CREATE VIEW owners WITH (security_barrier = true, security_invoker = true) AS SELECT DISTINCT owner FROM packages;
GRANT SELECT ON package_list, public_packages TO reconcile_case_anon;
