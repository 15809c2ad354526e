CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, updated_at timestamptz, version int NOT NULL DEFAULT 0);
CREATE TABLE audit (id bigserial PRIMARY KEY, item bigint NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE FUNCTION bump_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.version := OLD.version + 1; RETURN NEW; END $$;
CREATE FUNCTION log_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.audit (item) VALUES (NEW.id); RETURN NULL; END $$;
-- missing: a trigger and the function it calls (function first)
CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
-- different: timing and WHEN clause (CREATE OR REPLACE TRIGGER)
CREATE TRIGGER items_version BEFORE UPDATE ON items FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION bump_version();
-- different: enabled state
CREATE TRIGGER items_log AFTER INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION log_change();
ALTER TABLE items ENABLE ALWAYS TRIGGER items_log;
-- missing: a constraint trigger on a new table
CREATE TABLE shipments (id bigint PRIMARY KEY, item bigint NOT NULL);
CREATE CONSTRAINT TRIGGER shipments_log AFTER INSERT ON shipments DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION log_change();
