CREATE TABLE reading (id bigint NOT NULL, sensor varchar(12) NOT NULL, at date NOT NULL, value numeric NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE reading_2026 PARTITION OF reading FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE reading_2027 PARTITION OF reading FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE FUNCTION reading_check() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER reading_sensor_set BEFORE UPDATE ON reading FOR EACH ROW WHEN (OLD.sensor IS DISTINCT FROM NEW.sensor) EXECUTE FUNCTION reading_check();
CREATE VIEW reading_2026_sensors AS SELECT DISTINCT sensor FROM reading_2026;
INSERT INTO reading SELECT g, 's' || (g % 3), DATE '2026-06-01' + g * 10, g FROM generate_series(1, 30) g;
