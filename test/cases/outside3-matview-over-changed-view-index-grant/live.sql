DO $$ BEGIN CREATE ROLE reconcile_case_anon NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_authenticated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, at timestamptz NOT NULL, weight int NOT NULL);
INSERT INTO events SELECT g, 'k' || (g % 5), '2024-02-01'::timestamptz + g * interval '1 hour', g FROM generate_series(1, 40) g;
CREATE VIEW weighted_events AS SELECT id, kind, at, weight * 2 AS score FROM events;
CREATE MATERIALIZED VIEW kind_scores AS SELECT kind, sum(score) AS total, count(*) AS n FROM weighted_events GROUP BY kind;
CREATE UNIQUE INDEX kind_scores_kind ON kind_scores (kind);
GRANT SELECT ON kind_scores TO reconcile_case_authenticated;
COMMENT ON MATERIALIZED VIEW kind_scores IS 'refreshed nightly';
