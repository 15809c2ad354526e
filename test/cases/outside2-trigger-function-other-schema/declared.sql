-- from: djrobstep/migra tests/FIXTURES/triggers2 and pgschema/pgschema testdata/diff/dependency/function_to_trigger
-- Triggers of one name on two tables call a function in an audit schema; the schema, its table and function, and one trigger are missing, the other differs.
CREATE TABLE table1 (id serial PRIMARY KEY);
CREATE TABLE table2 (id serial PRIMARY KEY, t text);
CREATE SCHEMA audit;
CREATE TABLE audit.log (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION audit.record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit.log (tbl, op) VALUES (TG_TABLE_NAME, TG_OP);
  RETURN NULL;
END;
$$;
CREATE TRIGGER trigger_name AFTER INSERT OR UPDATE ON table1 FOR EACH ROW EXECUTE FUNCTION audit.record();
CREATE TRIGGER trigger_name AFTER INSERT ON table2 FOR EACH ROW EXECUTE FUNCTION audit.record();
