-- missing: FULL (live has the default)
CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL);
ALTER TABLE events REPLICA IDENTITY FULL;
-- different: USING INDEX (live has FULL)
CREATE TABLE accounts (id bigint NOT NULL, email text NOT NULL);
CREATE UNIQUE INDEX accounts_email ON accounts (email);
ALTER TABLE accounts REPLICA IDENTITY USING INDEX accounts_email;
-- missing on a missing table, with the unique key it names
CREATE TABLE audit ("Id" bigint NOT NULL, at timestamptz NOT NULL, CONSTRAINT "audit Id" UNIQUE ("Id"));
ALTER TABLE audit REPLICA IDENTITY USING INDEX "audit Id";
-- extra on the live side: kept
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
