-- from: fuzzy-search migrations (pg_trgm GIN indexes for ILIKE) and pgschema create_index/add_index
-- pg_trgm lives in the extensions schema; two trigram indexes (one on an expression) are missing on a table with rows; the extension is missing too.
CREATE SCHEMA extensions;
CREATE TABLE people (id bigint PRIMARY KEY, full_name text NOT NULL, city text);
CREATE EXTENSION pg_trgm SCHEMA extensions;
CREATE INDEX people_full_name_trgm ON people USING gin (full_name extensions.gin_trgm_ops);
CREATE INDEX people_city_trgm ON people USING gist (lower(city) extensions.gist_trgm_ops) WHERE city IS NOT NULL;
