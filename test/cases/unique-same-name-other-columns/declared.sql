CREATE TABLE slugs (id integer PRIMARY KEY, site integer NOT NULL, slug text NOT NULL);
ALTER TABLE slugs ADD CONSTRAINT slugs_slug_key UNIQUE (site, slug);
