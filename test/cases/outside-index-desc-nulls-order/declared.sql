CREATE TABLE score (id int PRIMARY KEY, player text NOT NULL, points int, played_at timestamptz NOT NULL);
CREATE INDEX score_points_desc_idx ON score (points DESC NULLS LAST, played_at);
