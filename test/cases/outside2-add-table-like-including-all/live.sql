CREATE TABLE audit_base (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL CHECK (actor <> '')
);
CREATE INDEX audit_base_created_idx ON audit_base (created_at);
COMMENT ON COLUMN audit_base.actor IS 'who did it';
INSERT INTO audit_base (created_at, actor) SELECT timestamptz '2024-01-01' + g * interval '1 day', 'user' || g FROM generate_series(1, 9) g;
