-- from: pgschema/pgschema testdata/diff/create_table/composite_fk_column_order
-- A composite foreign key lists its columns in another order than the primary key; it references a matching unique key.
CREATE TABLE region (
  country char(2) NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (country, code),
  CONSTRAINT region_code_country_key UNIQUE (code, country)
);
CREATE TABLE office (
  id integer PRIMARY KEY,
  region_code text NOT NULL,
  region_country char(2) NOT NULL,
  CONSTRAINT office_region_fkey FOREIGN KEY (region_code, region_country) REFERENCES region (code, country)
);
