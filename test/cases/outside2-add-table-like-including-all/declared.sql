-- from: pgschema/pgschema testdata/diff/create_table/add_table_like
-- A table declared with LIKE ... INCLUDING ALL (identity, default, check, index, comment copied) is missing on live.
CREATE TABLE audit_base (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL CHECK (actor <> '')
);
CREATE INDEX audit_base_created_idx ON audit_base (created_at);
COMMENT ON COLUMN audit_base.actor IS 'who did it';
CREATE TABLE audit_login (LIKE audit_base INCLUDING ALL, ip inet);
