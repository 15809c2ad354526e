-- A column widened in the model is named by a trigger's WHEN and by another's UPDATE OF list, on a table with rows (PostgreSQL refuses ALTER COLUMN TYPE while a trigger definition uses the column); one trigger is disabled and must stay so.
CREATE TABLE account (id bigint PRIMARY KEY, email varchar(320) NOT NULL, note text);
CREATE FUNCTION account_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER account_email_changed BEFORE UPDATE ON account FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION account_touch();
CREATE TRIGGER account_email_audit AFTER UPDATE OF email ON account FOR EACH ROW EXECUTE FUNCTION account_touch();
ALTER TABLE account DISABLE TRIGGER account_email_audit;
COMMENT ON TRIGGER account_email_changed ON account IS 'keeps the email change time';
