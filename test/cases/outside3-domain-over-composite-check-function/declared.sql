-- from: supabase/pg-toolbelt dbdev migrations (semver: a composite type, a validity function, a domain over the composite)
-- Live lacks the composite type, the function, the domain whose CHECK calls the function, and the column of the domain type.
CREATE SCHEMA app;
CREATE TABLE app.releases (id bigint PRIMARY KEY, package text NOT NULL);
CREATE TABLE app.downloads (id bigint PRIMARY KEY, release_id bigint NOT NULL);
CREATE TYPE app.semver_struct AS (major smallint, minor smallint, patch smallint);
CREATE FUNCTION app.is_valid(app.semver_struct) RETURNS boolean IMMUTABLE LANGUAGE sql AS $$ SELECT ($1).major IS NOT NULL AND ($1).minor IS NOT NULL AND ($1).patch IS NOT NULL $$;
CREATE DOMAIN app.semver AS app.semver_struct CHECK (app.is_valid(VALUE));
ALTER TABLE app.releases ADD COLUMN version app.semver;
CREATE FUNCTION app.semver_text(app.semver) RETURNS text IMMUTABLE LANGUAGE sql AS $$ SELECT format('%s.%s.%s', ($1).major, ($1).minor, ($1).patch) $$;
