-- The model lacks objects the live database has, and no migration says they were dropped
-- (a single-file source): even with --allow-hazards drop,data they are kept, only reported.
CREATE TABLE access (
  id integer PRIMARY KEY,
  name text NOT NULL,
  email text
);
