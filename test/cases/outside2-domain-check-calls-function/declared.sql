-- from: pgschema/pgschema testdata/diff/create_domain/domain_function_check_dependency (and domain_function_table_dependency)
-- A domain whose CHECK calls a plpgsql function, and a column of that domain, are missing (function, domain, column in order).
CREATE FUNCTION validate_custom_id(val text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN val IS NOT NULL AND val LIKE 'id\_%' AND length(val) >= 5;
END
$$;
CREATE DOMAIN custom_id AS text CHECK (validate_custom_id(VALUE));
CREATE TABLE widget (id integer PRIMARY KEY, label text NOT NULL, ext_id custom_id);
