-- from: stripe/pg-schema-diff materialized view "Recreate materialized view due to dependent column changing"; pgschema dependency/table_to_materialized_view
-- A view's column changes type (drop and create), so the materialized view over it must go and come back, with its unique index, grant and comment.
DO $$ BEGIN CREATE ROLE reconcile_case_anon NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_authenticated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, at timestamptz NOT NULL, weight int NOT NULL);
CREATE VIEW weighted_events AS SELECT id, kind, at, weight::numeric * 1.5 AS score FROM events;
CREATE MATERIALIZED VIEW kind_scores AS SELECT kind, sum(score) AS total, count(*) AS n FROM weighted_events GROUP BY kind;
CREATE UNIQUE INDEX kind_scores_kind ON kind_scores (kind);
GRANT SELECT ON kind_scores TO reconcile_case_authenticated;
COMMENT ON MATERIALIZED VIEW kind_scores IS 'refreshed nightly';
