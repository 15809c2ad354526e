-- from: pgschema/pgschema testdata/diff/dependency/type_to_type and PostgreSQL's CREATE TYPE ... AS RANGE (SUBTYPE_DIFF); a range type in use by a column with rows names a difference function in the model and none on live (a range type cannot be altered in place).
CREATE FUNCTION time_subtype_diff(a time, b time) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT EXTRACT(EPOCH FROM (a - b)) $$;
CREATE TYPE timerange AS RANGE (SUBTYPE = time, SUBTYPE_DIFF = time_subtype_diff);
CREATE TABLE opening_hours (id bigint PRIMARY KEY, shop text NOT NULL, hours timerange NOT NULL);
CREATE INDEX opening_hours_hours_idx ON opening_hours USING gist (hours);
