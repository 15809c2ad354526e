CREATE TABLE reading (id bigint PRIMARY KEY, taken_at timestamptz NOT NULL, value double precision);
INSERT INTO reading SELECT g, timestamptz '2024-01-01' + g * interval '1 minute', g / 3.0 FROM generate_series(1, 200) g;
