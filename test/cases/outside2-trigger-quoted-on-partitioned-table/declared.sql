-- from: stripe/pg-schema-diff internal/migration_acceptance_tests/trigger_cases_test.go ("Create triggers with quoted names on partitioned table and partition")
-- Quoted triggers on a partitioned parent (cloned to partitions) and on one partition only are missing.
CREATE TABLE "Reading" (id bigint NOT NULL, sensor text NOT NULL, val numeric, touched_at timestamptz) PARTITION BY LIST (sensor);
CREATE TABLE "Reading_A" PARTITION OF "Reading" FOR VALUES IN ('a');
CREATE TABLE "Reading_B" PARTITION OF "Reading" FOR VALUES IN ('b');
CREATE FUNCTION "Touch"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched_at := now(); RETURN NEW; END; $$;
CREATE TRIGGER "Touch On Parent" BEFORE UPDATE ON "Reading" FOR EACH ROW EXECUTE FUNCTION "Touch"();
CREATE TRIGGER "Touch Only A" BEFORE INSERT ON "Reading_A" FOR EACH ROW EXECUTE FUNCTION "Touch"();
