CREATE TABLE visit (visitor text NOT NULL, at timestamptz NOT NULL);
INSERT INTO visit SELECT 'v' || g, timestamptz '2024-03-01' + g * interval '1 minute' FROM generate_series(1, 18) g;
