CREATE TABLE scores (id bigint PRIMARY KEY, points integer NOT NULL);
INSERT INTO scores SELECT g, g * 3 FROM generate_series(1, 40) g;
CREATE FUNCTION weight(p integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT p * 10 $$;
CREATE VIEW weighted AS SELECT id, weight(points) AS w FROM scores;
CREATE VIEW heavy AS SELECT id, w FROM weighted WHERE w > 100;
