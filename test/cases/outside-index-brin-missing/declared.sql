CREATE TABLE reading (id bigint PRIMARY KEY, taken_at timestamptz NOT NULL, value double precision);
CREATE INDEX reading_taken_brin ON reading USING brin (taken_at) WITH (pages_per_range = 32);
