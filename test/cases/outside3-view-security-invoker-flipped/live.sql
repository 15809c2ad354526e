DO $$ BEGIN CREATE ROLE reconcile_case_anon NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_authenticated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE packages (id bigint PRIMARY KEY, name text NOT NULL, owner text NOT NULL, private boolean NOT NULL DEFAULT false, UNIQUE NULLS NOT DISTINCT (owner, name));
INSERT INTO packages SELECT g, 'pkg' || g, 'o' || (g % 3), g % 4 = 0 FROM generate_series(1, 12) g;
CREATE VIEW package_list AS SELECT id, name, owner FROM packages;
CREATE VIEW public_packages WITH (security_invoker = true) AS SELECT id, name FROM packages WHERE NOT private;
CREATE VIEW owners WITH (security_invoker = true) AS SELECT DISTINCT owner FROM packages;
GRANT SELECT ON package_list, public_packages TO reconcile_case_anon;
