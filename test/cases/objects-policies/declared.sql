DO $$ BEGIN CREATE ROLE reconcile_case_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE accounts (id bigint PRIMARY KEY, owner text NOT NULL, balance numeric NOT NULL DEFAULT 0);
CREATE TABLE notes (id bigint PRIMARY KEY, author text NOT NULL, body text);
-- missing on live: the flags and a policy
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_reads ON accounts FOR SELECT TO PUBLIC USING (owner = current_user);
CREATE POLICY no_negative ON accounts AS RESTRICTIVE FOR UPDATE TO reconcile_case_reader USING (true) WITH CHECK (balance >= 0);
-- different on live: roles and expression (ALTER POLICY), command (drop and create)
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY author_writes ON notes FOR INSERT TO reconcile_case_reader WITH CHECK (author = current_user);
CREATE POLICY readers ON notes FOR SELECT TO reconcile_case_reader, PUBLIC USING (body IS NOT NULL);
