CREATE TABLE job (id integer PRIMARY KEY, state text NOT NULL DEFAULT 'new');
CREATE PROCEDURE reset_jobs(target text) LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public.job SET state = target;
END
$$;
INSERT INTO job SELECT g, CASE WHEN g % 3 = 0 THEN 'done' ELSE 'new' END FROM generate_series(1, 12) g;
