-- Comments lost in a hand-made restore: one differs, one the model lacks (kept), the rest missing.
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE "Journal" (id int PRIMARY KEY, "Body" text, feeling mood);
CREATE FUNCTION journal_count(since date) RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM "Journal" $$;
CREATE VIEW journal_ids AS SELECT id FROM "Journal";
COMMENT ON COLUMN "Journal"."Body" IS 'plain text';
COMMENT ON COLUMN "Journal".id IS 'added by hand';
INSERT INTO "Journal" SELECT g, 'entry ' || g, 'happy' FROM generate_series(1, 10) g;
