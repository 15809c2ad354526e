CREATE TABLE metric (id bigint NOT NULL, at date NOT NULL, value double precision NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE metric_2026_01 PARTITION OF metric FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE metric_2026_02 PARTITION OF metric FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
INSERT INTO metric SELECT g, DATE '2026-01-01' + g, g * 1.5 FROM generate_series(1, 40) g;
