CREATE SCHEMA audit;
CREATE FUNCTION audit.note_drop() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM 2; END $$;
CREATE EVENT TRIGGER audit_drop ON sql_drop WHEN TAG IN ('DROP TABLE') EXECUTE FUNCTION audit.note_drop();
CREATE FUNCTION audit.note_start() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM 3; END $$;
CREATE EVENT TRIGGER audit_start ON ddl_command_start WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION audit.note_start();
ALTER EVENT TRIGGER audit_start DISABLE;
-- not in the model: kept, shown (it runs on the repair's own DDL)
CREATE EVENT TRIGGER stray ON ddl_command_end EXECUTE FUNCTION audit.note_drop();
