CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, updated_at timestamptz, version int NOT NULL DEFAULT 0);
CREATE TABLE audit (id bigserial PRIMARY KEY, item bigint NOT NULL, at timestamptz NOT NULL DEFAULT now());
INSERT INTO items SELECT g, 'i' || g, NULL, 0 FROM generate_series(1, 25) g;
CREATE FUNCTION bump_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.version := OLD.version + 1; RETURN NEW; END $$;
CREATE FUNCTION log_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.audit (item) VALUES (NEW.id); RETURN NULL; END $$;
CREATE TRIGGER items_version AFTER UPDATE ON items FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER items_log AFTER INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION log_change();
ALTER TABLE items DISABLE TRIGGER items_log;
-- extra: kept
CREATE TRIGGER items_legacy AFTER DELETE ON items FOR EACH ROW EXECUTE FUNCTION log_change();
