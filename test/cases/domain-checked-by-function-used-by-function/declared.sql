-- A domain whose CHECK calls a function, and functions that take and return the domain: the domain
-- must come after the function its check calls and before the functions whose signature names it,
-- whatever order the catalog lists them in (names chosen so that no alphabetical order is right).
CREATE SCHEMA app;
CREATE FUNCTION app.z_is_code(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT t ~ '^[A-Z]{3}[0-9]{2}$' $$;
CREATE DOMAIN app.m_code AS text CHECK (app.z_is_code(VALUE));
CREATE FUNCTION app.a_normalize(c app.m_code) RETURNS app.m_code LANGUAGE sql IMMUTABLE AS $$ SELECT upper(c)::app.m_code $$;
CREATE FUNCTION app.b_prefix(c app.m_code) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT left(c, 3) $$;
CREATE TABLE app.items (id bigint PRIMARY KEY, code app.m_code);
