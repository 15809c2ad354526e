-- from: pgschema/pgschema testdata/diff/create_procedure/alter_procedure and stripe/pg-schema-diff internal/migration_acceptance_tests/procedure_cases_test.go ("Create procedure with dependencies that also must be created")
-- A procedure's body differs (CREATE OR REPLACE); another procedure and the table and function it uses are missing.
CREATE TABLE job (id integer PRIMARY KEY, state text NOT NULL DEFAULT 'new');
CREATE PROCEDURE reset_jobs(target text) LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.job SET state = target WHERE state <> 'done';
END
$$;
CREATE TABLE job_archive (id integer PRIMARY KEY, archived_at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION done_ids() RETURNS SETOF integer LANGUAGE sql STABLE AS $$ SELECT id FROM public.job WHERE state = 'done' $$;
CREATE PROCEDURE archive_done() LANGUAGE sql AS $$ INSERT INTO public.job_archive (id) SELECT * FROM public.done_ids() ON CONFLICT DO NOTHING $$;
