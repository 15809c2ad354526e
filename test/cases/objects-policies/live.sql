DO $$ BEGIN CREATE ROLE reconcile_case_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE accounts (id bigint PRIMARY KEY, owner text NOT NULL, balance numeric NOT NULL DEFAULT 0);
CREATE TABLE notes (id bigint PRIMARY KEY, author text NOT NULL, body text);
INSERT INTO accounts SELECT g, 'u' || g, g FROM generate_series(1, 20) g;
INSERT INTO notes SELECT g, 'u' || g, 'b' || g FROM generate_series(1, 20) g;
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY author_writes ON notes FOR INSERT TO PUBLIC WITH CHECK (author = session_user);
CREATE POLICY readers ON notes FOR ALL TO reconcile_case_reader USING (body IS NOT NULL);
-- extra on live: kept, shown as a warning
CREATE POLICY everyone ON notes FOR SELECT USING (true);
-- extra flag: notes is forced on live, the model only enables it (kept, a warning)
ALTER TABLE notes FORCE ROW LEVEL SECURITY;
