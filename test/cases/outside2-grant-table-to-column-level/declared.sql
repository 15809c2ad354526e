-- from: pgschema/pgschema testdata/diff/privilege/issue_324_modify_grant_to_column
-- The model narrows UPDATE to one column; live grants UPDATE on the whole table (kept, a warning) and lacks the column grant.
DO $$ BEGIN CREATE ROLE reconcile_case_app_user NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE sometable (id integer PRIMARY KEY, somecolumn text, other text);
GRANT SELECT ON sometable TO reconcile_case_app_user;
GRANT UPDATE (somecolumn) ON sometable TO reconcile_case_app_user;
