CREATE FUNCTION public.calc_priority() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
CREATE TABLE public.article (
  id integer PRIMARY KEY,
  title text NOT NULL,
  priority integer GENERATED ALWAYS AS (public.calc_priority()) STORED
);
INSERT INTO public.article (id, title) SELECT g, 'article ' || g FROM generate_series(1, 8) g;
