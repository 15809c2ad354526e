CREATE FUNCTION time_subtype_diff(a time, b time) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT EXTRACT(EPOCH FROM (a - b)) $$;
CREATE TYPE timerange AS RANGE (SUBTYPE = time);
CREATE TABLE opening_hours (id bigint PRIMARY KEY, shop text NOT NULL, hours timerange NOT NULL);
CREATE INDEX opening_hours_hours_idx ON opening_hours USING gist (hours);
INSERT INTO opening_hours SELECT g, 'shop' || g, timerange(TIME '08:00' + g * interval '10 minutes', TIME '17:00') FROM generate_series(1, 10) g;
