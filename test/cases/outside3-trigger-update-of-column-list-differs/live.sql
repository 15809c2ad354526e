CREATE TABLE products (id bigint PRIMARY KEY, name text NOT NULL, price_cents int NOT NULL, stock int NOT NULL DEFAULT 0, price_changed_at timestamptz);
CREATE TABLE price_history (product_id bigint NOT NULL, old_cents int, new_cents int, at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION stamp_price_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.price_changed_at := now(); RETURN NEW; END $$;
CREATE FUNCTION log_price() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.price_history (product_id, old_cents, new_cents) VALUES (NEW.id, OLD.price_cents, NEW.price_cents); RETURN NULL; END $$;
INSERT INTO products (id, name, price_cents, stock) SELECT g, 'p' || g, g * 100, g FROM generate_series(1, 10) g;
CREATE TRIGGER products_stamp BEFORE UPDATE OF price_cents ON products FOR EACH ROW EXECUTE FUNCTION stamp_price_change();
