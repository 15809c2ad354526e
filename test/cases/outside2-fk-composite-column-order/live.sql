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
  region_country char(2) NOT NULL
);
INSERT INTO region VALUES ('US', 'CA', 'California'), ('US', 'NY', 'New York'), ('DE', 'BY', 'Bayern');
INSERT INTO office VALUES (1, 'CA', 'US'), (2, 'NY', 'US'), (3, 'BY', 'DE'), (4, 'CA', 'US');
