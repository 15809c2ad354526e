CREATE SCHEMA stats;
CREATE FUNCTION stats.sum_sq_step(state numeric, x numeric) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT state + x * x $$;
CREATE FUNCTION stats.root(state numeric) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$ SELECT sqrt(state::double precision) $$;
-- missing, with its functions: created after them, before the view that uses it
CREATE AGGREGATE stats.sum_sq(numeric) (SFUNC = stats.sum_sq_step, STYPE = numeric, INITCOND = '0', COMBINEFUNC = numeric_add, PARALLEL = SAFE);
CREATE AGGREGATE stats.norm(numeric) (SFUNC = stats.sum_sq_step, STYPE = numeric, FINALFUNC = stats.root, INITCOND = '0');
CREATE TABLE stats.samples (id bigint PRIMARY KEY, v numeric NOT NULL);
CREATE VIEW stats.sample_norm AS SELECT stats.norm(v) AS norm, stats.sum_sq(v) AS sum_sq FROM stats.samples;
-- live has another initial condition: CREATE OR REPLACE AGGREGATE
CREATE AGGREGATE stats.concat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '');
-- an ordered-set aggregate, live with another result: dropped and created (replace, allowed here)
CREATE FUNCTION stats.pick_final(state text[], frac double precision, v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT state[1] $$;
CREATE AGGREGATE stats.pick(double precision ORDER BY text) (SFUNC = array_append, STYPE = text[], FINALFUNC = stats.pick_final, FINALFUNC_EXTRA);
-- no arguments
CREATE FUNCTION stats.count_step(state bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT state + 1 $$;
CREATE AGGREGATE stats.rows_seen(*) (SFUNC = stats.count_step, STYPE = bigint, INITCOND = '0');
-- live returns another type (no function of ours involved): dropped and created (replace)
CREATE AGGREGATE stats.total(integer) (SFUNC = int4_sum, STYPE = bigint);
