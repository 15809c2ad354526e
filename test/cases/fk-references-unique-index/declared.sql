CREATE TABLE countries (id integer PRIMARY KEY, code text NOT NULL);
CREATE UNIQUE INDEX countries_code_idx ON countries (code);
CREATE TABLE cities (id integer PRIMARY KEY, country_code text NOT NULL REFERENCES countries (code));
