-- from: pgschema/pgschema testdata/diff/comment (add_index_comment, mixed_comments) and pg_dump's COMMENT ON kinds
-- Comments on objects other than relations, columns, functions and enums/domains: a schema, a composite type, an index,
-- a domain's constraint, a trigger and a policy. All missing on live.
DO $$ BEGIN CREATE ROLE reconcile_case_anon NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_authenticated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA billing;
CREATE TYPE billing.money_pair AS (cents bigint, currency char(3));
CREATE DOMAIN billing.positive_cents AS bigint CONSTRAINT positive_cents_check CHECK (VALUE > 0);
CREATE TABLE billing.charges (id bigint PRIMARY KEY, cents billing.positive_cents NOT NULL, owner text NOT NULL);
CREATE INDEX charges_owner ON billing.charges (owner);
CREATE FUNCTION billing.noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER charges_noop BEFORE INSERT ON billing.charges FOR EACH ROW EXECUTE FUNCTION billing.noop();
ALTER TABLE billing.charges ENABLE ROW LEVEL SECURITY;
CREATE POLICY charges_owner ON billing.charges FOR SELECT TO reconcile_case_authenticated USING (owner = current_user);
COMMENT ON SCHEMA billing IS 'money in, money out';
COMMENT ON TYPE billing.money_pair IS 'an amount and its currency';
COMMENT ON INDEX billing.charges_owner IS 'per-owner listing';
COMMENT ON CONSTRAINT positive_cents_check ON DOMAIN billing.positive_cents IS 'no zero charges';
COMMENT ON TRIGGER charges_noop ON billing.charges IS 'placeholder for auditing';
COMMENT ON POLICY charges_owner ON billing.charges IS 'owners see their own charges';
