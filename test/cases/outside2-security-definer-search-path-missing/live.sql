DO $$ BEGIN CREATE ROLE reconcile_case_sd_caller NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA priv;
CREATE TABLE priv.secret (id integer PRIMARY KEY, owner_name text NOT NULL, value text NOT NULL);
CREATE FUNCTION priv.secret_count(who text) RETURNS bigint LANGUAGE sql STABLE
  AS $$ SELECT count(*) FROM priv.secret WHERE owner_name = who $$;
INSERT INTO priv.secret SELECT g, 'o' || (g % 3), 's' || g FROM generate_series(1, 9) g;
