-- from: ariga/atlas internal/integration/testdata/postgres/column-domain.txtar and pgschema/pgschema testdata/diff/create_domain/alter_domain
-- A domain in its own schema gains a default and NOT NULL (ALTER DOMAIN); its column has no nulls on live.
CREATE SCHEMA script_column_domain;
CREATE DOMAIN script_column_domain.positive_int AS bigint DEFAULT 1 NOT NULL CHECK (VALUE > 0);
CREATE TABLE script_column_domain.users (id integer PRIMARY KEY, c1 script_column_domain.positive_int);
