-- from: pgschema/pgschema testdata/diff/privilege/grant_sequence and grant_with_grant_option
-- Sequence privileges (USAGE, SELECT, UPDATE) and CREATE on a schema with grant option are missing or partial on live.
DO $$ BEGIN CREATE ROLE reconcile_case_seq_user NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA ops;
CREATE SEQUENCE ops.batch_no START 1000;
CREATE TABLE ops.batch (no bigint PRIMARY KEY DEFAULT nextval('ops.batch_no'), started_at timestamptz NOT NULL DEFAULT now());
GRANT USAGE, SELECT, UPDATE ON SEQUENCE ops.batch_no TO reconcile_case_seq_user;
GRANT USAGE ON SCHEMA ops TO reconcile_case_seq_user;
GRANT CREATE ON SCHEMA ops TO reconcile_case_seq_user WITH GRANT OPTION;
