CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL, total numeric NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE order_audit (order_id bigint NOT NULL, old_status text, new_status text, at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION log_status() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO order_audit (order_id, old_status, new_status) VALUES (NEW.id, OLD.status, NEW.status); RETURN NEW; END $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE TRIGGER orders_status_audit AFTER UPDATE OF status ON orders FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION log_status();
CREATE TRIGGER orders_touch BEFORE UPDATE OF status ON orders FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION touch();
INSERT INTO orders (id, status, total, updated_at) SELECT g, 'open', g * 5, TIMESTAMPTZ '2026-01-01 00:00:00+00' FROM generate_series(1, 10) g;
INSERT INTO order_audit VALUES (1, 'draft', 'open', TIMESTAMPTZ '2026-01-01 00:00:00+00');
