CREATE TABLE public.products (id serial PRIMARY KEY, name text NOT NULL, description text, status text, updated_at timestamp DEFAULT CURRENT_TIMESTAMP);
CREATE FUNCTION public.log_description_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at = CURRENT_TIMESTAMP;
  RETURN NEW;
END;
$$;
CREATE FUNCTION public.skip_status_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$;
INSERT INTO public.products (name, description, status, updated_at) SELECT 'p' || g, 'd' || g, 'active', timestamp '2024-01-01' FROM generate_series(1, 8) g;
