CREATE TABLE session_log (id bigint PRIMARY KEY, token uuid NOT NULL DEFAULT gen_random_uuid(), seen_at timestamptz NOT NULL DEFAULT now());
