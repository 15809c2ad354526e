-- from: pgschema/pgschema testdata/diff/dependency/table_fk_to_generated_column
-- A table with a foreign key to a table whose generated column calls a function; the referencing table is missing.
CREATE FUNCTION public.calc_priority() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
CREATE TABLE public.article (
  id integer PRIMARY KEY,
  title text NOT NULL,
  priority integer GENERATED ALWAYS AS (public.calc_priority()) STORED
);
CREATE TABLE public.articlesource (
  id integer PRIMARY KEY,
  article_id integer NOT NULL,
  source_url text,
  CONSTRAINT articlesource_article_id_fkey FOREIGN KEY (article_id) REFERENCES public.article (id)
);
CREATE INDEX articlesource_article_id_idx ON public.articlesource (article_id);
