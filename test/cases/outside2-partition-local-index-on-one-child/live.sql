CREATE TABLE metric (id bigint NOT NULL, host text NOT NULL, taken_on date NOT NULL, value double precision) PARTITION BY LIST (host);
CREATE TABLE metric_web PARTITION OF metric FOR VALUES IN ('web');
CREATE TABLE metric_db PARTITION OF metric FOR VALUES IN ('db');
INSERT INTO metric SELECT g, CASE WHEN g % 2 = 0 THEN 'web' ELSE 'db' END, date '2024-01-01' + g, g * 0.5 FROM generate_series(1, 40) g;
