CREATE SCHEMA audit;
CREATE FUNCTION audit.note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$;
CREATE FUNCTION audit.note_drop() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM 2; END $$;
-- missing, with its function: created after it
CREATE EVENT TRIGGER audit_ddl ON ddl_command_end EXECUTE FUNCTION audit.note_ddl();
-- missing, disabled: created, then disabled
CREATE EVENT TRIGGER audit_rewrite ON table_rewrite EXECUTE FUNCTION audit.note_ddl();
ALTER EVENT TRIGGER audit_rewrite DISABLE;
-- live fires on other tags: dropped and created in one step
CREATE EVENT TRIGGER audit_drop ON sql_drop WHEN TAG IN ('DROP TABLE', 'DROP VIEW') EXECUTE FUNCTION audit.note_drop();
-- live runs another function and is disabled: dropped and created, then enabled
CREATE EVENT TRIGGER audit_start ON ddl_command_start WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION audit.note_ddl();
