-- from: pgschema/pgschema testdata/diff/create_function/alter_function_attributes
-- Function attributes differ on live: PARALLEL SAFE, LEAKPROOF, STRICT and SET search_path are declared (CREATE OR REPLACE).
CREATE FUNCTION process_data(input text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS $$
BEGIN
  RETURN upper(input);
END;
$$;
CREATE FUNCTION calculate_total(amount numeric, tax_rate numeric) RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT amount * (1 + tax_rate) $$;
CREATE FUNCTION secure_lookup(id integer) RETURNS text LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  RETURN 'result ' || id;
END;
$$;
CREATE TABLE run_log (id integer PRIMARY KEY, note text);
