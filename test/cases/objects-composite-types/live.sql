CREATE SCHEMA billing;
CREATE DOMAIN billing.cents AS bigint CHECK (VALUE >= 0);
CREATE TYPE billing.address AS (street text, city text);
CREATE TYPE billing.range_pair AS (low integer, high integer);
-- extra: kept
CREATE TYPE billing.legacy AS (a int);
