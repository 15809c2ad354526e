CREATE TABLE scores (id bigint PRIMARY KEY, points integer NOT NULL);
-- The result type widens: the function is dropped and created again, and the views
-- that depend on it (directly and through another view) are dropped and created as declared.
CREATE FUNCTION weight(p integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT p::bigint * 10 $$;
CREATE VIEW weighted AS SELECT id, weight(points) AS w FROM scores;
CREATE VIEW heavy AS SELECT id, w FROM weighted WHERE w > 100;
