DO $$ BEGIN CREATE ROLE reconcile_case_migrator NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA app;
CREATE TABLE app.settings (key text PRIMARY KEY, value text);
ALTER DEFAULT PRIVILEGES FOR ROLE reconcile_case_migrator IN SCHEMA app GRANT SELECT ON TABLES TO reconcile_case_app;
INSERT INTO app.settings VALUES ('a', '1'), ('b', '2');
