CREATE TABLE person (
  id integer PRIMARY KEY,
  first_name text NOT NULL,
  last_name text NOT NULL
);
INSERT INTO person SELECT g, 'First' || g, 'Last' || g FROM generate_series(1, 15) g;
