-- The foreign key references a unique index (not a constraint) that is missing too: the index comes first.
CREATE TABLE countries (id integer PRIMARY KEY, code text NOT NULL);
CREATE TABLE cities (id integer PRIMARY KEY, country_code text NOT NULL);
INSERT INTO countries VALUES (1, 'fr'), (2, 'de');
INSERT INTO cities VALUES (1, 'fr'), (2, 'de'), (3, 'fr');
