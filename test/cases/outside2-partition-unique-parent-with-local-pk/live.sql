CREATE TABLE event (id bigint NOT NULL, region text NOT NULL, payload jsonb) PARTITION BY LIST (region);
CREATE TABLE event_eu PARTITION OF event FOR VALUES IN ('eu');
CREATE TABLE event_us PARTITION OF event FOR VALUES IN ('us');
INSERT INTO event SELECT g, CASE WHEN g % 2 = 0 THEN 'eu' ELSE 'us' END, jsonb_build_object('n', g) FROM generate_series(1, 30) g;
CREATE UNIQUE INDEX event_eu_id_region_idx ON event_eu (id, region);
