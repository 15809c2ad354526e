-- from: pgschema/pgschema testdata/diff/privilege/issue_324_modify_grant_to_column; column-level grants in the model name a column live lacks, and one column grant has another column list on live.
DO $$ BEGIN CREATE ROLE reconcile_case_reporting NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE employee (id bigint PRIMARY KEY, name text NOT NULL, department text, salary numeric NOT NULL);
GRANT SELECT (id, name, department) ON employee TO reconcile_case_reporting;
GRANT UPDATE (department) ON employee TO reconcile_case_reporting;
