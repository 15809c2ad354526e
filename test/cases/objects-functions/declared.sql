CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
-- missing: a plpgsql function a new table's default calls (created before the table)
CREATE FUNCTION next_code() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'c' || floor(random() * 1000)::int; END $$;
CREATE TABLE codes (code text PRIMARY KEY DEFAULT next_code());
-- missing: a SQL function over a table's row type (created after tables)
CREATE FUNCTION active_users(min_id bigint DEFAULT 0) RETURNS SETOF users LANGUAGE sql STABLE AS $$ SELECT * FROM users WHERE id >= min_id $$;
-- missing: a procedure
CREATE PROCEDURE touch(p_id bigint) LANGUAGE plpgsql AS $$ BEGIN UPDATE users SET email = email WHERE id = p_id; END $$;
-- different body, same signature: CREATE OR REPLACE
CREATE FUNCTION normalize_email(e text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(btrim(e)) $$;
-- different settings: SECURITY DEFINER and search_path
CREATE FUNCTION user_count() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$ SELECT count(*) FROM public.users $$;
-- different result type: drop and create (replace hazard, allowed in options.json)
CREATE FUNCTION score(n integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT n * 1.5 $$;
-- overloads are told apart by their argument types
CREATE FUNCTION label(n integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'n' || n $$;
CREATE FUNCTION label(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 't' || t $$;
-- an input argument renamed: PostgreSQL cannot, so drop and create (replace hazard)
CREATE FUNCTION double_it(amount integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT amount * 2 $$;
