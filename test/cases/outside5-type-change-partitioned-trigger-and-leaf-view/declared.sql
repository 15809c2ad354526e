-- from: stripe/pg-schema-diff partitioned-table trigger cases and migra's partitioning fixture, combined with a widened column: the parent's row trigger (cloned onto each partition) has a WHEN on the column, and a view reads one partition directly. One ALTER on the parent changes every partition; the trigger and the view are dropped and created around it.
CREATE TABLE reading (id bigint NOT NULL, sensor varchar(40) NOT NULL, at date NOT NULL, value numeric NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE reading_2026 PARTITION OF reading FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE reading_2027 PARTITION OF reading FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE FUNCTION reading_check() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER reading_sensor_set BEFORE UPDATE ON reading FOR EACH ROW WHEN (OLD.sensor IS DISTINCT FROM NEW.sensor) EXECUTE FUNCTION reading_check();
CREATE VIEW reading_2026_sensors AS SELECT DISTINCT sensor FROM reading_2026;
