CREATE TABLE score (id int PRIMARY KEY, player text NOT NULL, points int, played_at timestamptz NOT NULL);
INSERT INTO score SELECT g, 'p' || g, CASE WHEN g % 5 = 0 THEN NULL ELSE g END, timestamptz '2024-01-01' + g * interval '1 hour' FROM generate_series(1, 50) g;
CREATE INDEX score_points_desc_idx ON score (points DESC, played_at);
