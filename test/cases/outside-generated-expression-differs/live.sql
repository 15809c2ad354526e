CREATE TABLE person (id int PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL,
  full_name text GENERATED ALWAYS AS (last_name || ', ' || first_name) STORED);
INSERT INTO person SELECT g, 'f' || g, 'l' || g FROM generate_series(1, 20) g;
