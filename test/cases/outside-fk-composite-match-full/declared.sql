CREATE TABLE region (country char(2) NOT NULL, code text NOT NULL, PRIMARY KEY (country, code));
CREATE TABLE store (id int PRIMARY KEY, country char(2), region_code text,
  CONSTRAINT store_region_fk FOREIGN KEY (country, region_code) REFERENCES region (country, code) MATCH FULL);
