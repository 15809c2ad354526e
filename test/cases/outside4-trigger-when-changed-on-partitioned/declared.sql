-- from: stripe/pg-schema-diff trigger cases "Create triggers with quoted names on partitioned table and partition" and "Alter trigger when clause"; a row trigger on a partitioned table (cloned onto each partition) has another WHEN on live.
CREATE TABLE reading (sensor int NOT NULL, at date NOT NULL, value numeric NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE reading_2026_01 PARTITION OF reading FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE reading_2026_02 PARTITION OF reading FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
CREATE FUNCTION reading_clamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.value := greatest(NEW.value, 0); RETURN NEW; END $$;
CREATE TRIGGER "Reading Clamp" BEFORE INSERT OR UPDATE ON reading FOR EACH ROW WHEN (NEW.value < 0 OR NEW.value IS NULL) EXECUTE FUNCTION reading_clamp();
