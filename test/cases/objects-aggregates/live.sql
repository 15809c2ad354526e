CREATE SCHEMA stats;
CREATE TABLE stats.samples (id bigint PRIMARY KEY, v numeric NOT NULL);
INSERT INTO stats.samples SELECT g, g / 10.0 FROM generate_series(1, 20) g;
CREATE AGGREGATE stats.concat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '>');
CREATE FUNCTION stats.pick_final(state text[], frac double precision, v text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
CREATE AGGREGATE stats.pick(double precision ORDER BY text) (SFUNC = array_append, STYPE = text[], FINALFUNC = stats.pick_final, FINALFUNC_EXTRA);
-- not in the model: kept
CREATE AGGREGATE stats.longest(text) (SFUNC = textcat, STYPE = text);
CREATE AGGREGATE stats.total(integer) (SFUNC = int4pl, STYPE = integer);
