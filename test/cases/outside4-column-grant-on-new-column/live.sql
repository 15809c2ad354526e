DO $$ BEGIN CREATE ROLE reconcile_case_reporting NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE employee (id bigint PRIMARY KEY, name text NOT NULL, salary numeric NOT NULL);
GRANT SELECT (id, name) ON employee TO reconcile_case_reporting;
GRANT UPDATE (name) ON employee TO reconcile_case_reporting;
INSERT INTO employee SELECT g, 'e' || g, g * 1000 FROM generate_series(1, 10) g;
