DO $$ BEGIN CREATE ROLE reconcile_case_writer NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE note (id integer PRIMARY KEY, author text NOT NULL, body text, locked boolean NOT NULL DEFAULT false);
ALTER TABLE note ENABLE ROW LEVEL SECURITY;
CREATE POLICY note_all ON note FOR ALL TO reconcile_case_writer USING (author = current_user) WITH CHECK (author = current_user);
CREATE POLICY note_update ON note FOR UPDATE TO reconcile_case_writer USING (true) WITH CHECK (NOT locked);
INSERT INTO note SELECT g, 'a' || g, 'body' || g, g % 4 = 0 FROM generate_series(1, 8) g;
