CREATE SCHEMA script_column_domain;
CREATE DOMAIN script_column_domain.positive_int AS bigint CHECK (VALUE > 0);
CREATE TABLE script_column_domain.users (id integer PRIMARY KEY, c1 script_column_domain.positive_int);
INSERT INTO script_column_domain.users SELECT g, g * 2 FROM generate_series(1, 10) g;
