CREATE SCHEMA extensions;
CREATE TABLE people (id bigint PRIMARY KEY, full_name text NOT NULL, city text);
INSERT INTO people SELECT g, 'Person Number ' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'City' || (g % 5) END FROM generate_series(1, 30) g;
