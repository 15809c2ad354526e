DO $$ BEGIN CREATE ROLE reconcile_case_app_user NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE sometable (id integer PRIMARY KEY, somecolumn text, other text);
GRANT SELECT, UPDATE ON sometable TO reconcile_case_app_user;
INSERT INTO sometable SELECT g, 's' || g, 'o' || g FROM generate_series(1, 5) g;
