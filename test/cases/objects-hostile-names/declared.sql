CREATE SCHEMA "we""ird; DROP";
CREATE TABLE "we""ird; DROP"."Tab le" ("I d" bigint PRIMARY KEY, "sel""ect" text);
CREATE FUNCTION "we""ird; DROP"."f$n'; --"("a""rg" text) RETURNS text LANGUAGE sql IMMUTABLE AS $reconcile$ SELECT 'x$$y' || "a""rg" $reconcile$;
CREATE FUNCTION "we""ird; DROP"."trg\fn"() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN NEW."sel""ect" := 'E''\'; RETURN NEW; END $body$;
CREATE TRIGGER "trig ""one""
two" BEFORE INSERT ON "we""ird; DROP"."Tab le" FOR EACH ROW EXECUTE FUNCTION "we""ird; DROP"."trg\fn"();
CREATE VIEW "we""ird; DROP"."V'iew" AS SELECT "I d", "we""ird; DROP"."f$n'; --"("sel""ect") AS "out""put" FROM "we""ird; DROP"."Tab le";
ALTER TABLE "we""ird; DROP"."Tab le" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "pol'icy ""x""" ON "we""ird; DROP"."Tab le" FOR SELECT USING ("sel""ect" <> 'it''s \ fine');
