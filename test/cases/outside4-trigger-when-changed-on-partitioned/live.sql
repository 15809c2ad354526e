CREATE TABLE reading (sensor int NOT NULL, at date NOT NULL, value numeric NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE reading_2026_01 PARTITION OF reading FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE reading_2026_02 PARTITION OF reading FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
CREATE FUNCTION reading_clamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.value := greatest(NEW.value, 0); RETURN NEW; END $$;
CREATE TRIGGER "Reading Clamp" BEFORE INSERT OR UPDATE ON reading FOR EACH ROW WHEN (NEW.value < 0) EXECUTE FUNCTION reading_clamp();
INSERT INTO reading SELECT g % 4, DATE '2026-01-01' + g, g FROM generate_series(1, 50) g;
