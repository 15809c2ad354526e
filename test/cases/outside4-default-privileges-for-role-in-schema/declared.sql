-- from: pgschema/pgschema testdata/diff/default_privilege/alter_privilege and add_privilege_with_grant_option; default privileges FOR ROLE a migrator role in a schema: one missing (with grant option), one with other privileges on live.
DO $$ BEGIN CREATE ROLE reconcile_case_migrator NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA app;
CREATE TABLE app.settings (key text PRIMARY KEY, value text);
ALTER DEFAULT PRIVILEGES FOR ROLE reconcile_case_migrator IN SCHEMA app GRANT SELECT, INSERT, UPDATE ON TABLES TO reconcile_case_app;
ALTER DEFAULT PRIVILEGES FOR ROLE reconcile_case_migrator IN SCHEMA app GRANT USAGE ON SEQUENCES TO reconcile_case_app WITH GRANT OPTION;
