-- Same name, other columns: a guard that looks at the name only would skip it.
CREATE TABLE slugs (id integer PRIMARY KEY, site integer NOT NULL, slug text NOT NULL, CONSTRAINT slugs_slug_key UNIQUE (slug));
INSERT INTO slugs SELECT g, g % 3, 's' || g FROM generate_series(1, 30) g;
