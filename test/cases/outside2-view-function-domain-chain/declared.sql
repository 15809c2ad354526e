-- from: pgschema/pgschema testdata/diff/create_domain/domain_function_table_dependency and testdata/diff/dependency/table_to_view
-- A dependency chain is missing: a view calls a function (in another schema) that returns a domain.
CREATE SCHEMA fin;
CREATE DOMAIN fin.amount AS numeric(12, 2) CHECK (VALUE >= 0);
CREATE FUNCTION fin.to_amount(v numeric) RETURNS fin.amount LANGUAGE sql IMMUTABLE AS $$ SELECT greatest(v, 0)::fin.amount $$;
CREATE TABLE invoice (id integer PRIMARY KEY, total numeric NOT NULL);
CREATE VIEW invoice_amounts AS SELECT id, fin.to_amount(total) AS amount FROM invoice;
