CREATE TABLE counters (name text, bucket int, n bigint NOT NULL DEFAULT 0, CONSTRAINT counters_pkey PRIMARY KEY (name, bucket), CONSTRAINT counters_bucket_name_key UNIQUE (bucket, name) WITH (fillfactor = 90));
INSERT INTO counters SELECT 'c' || (g % 5), g, g FROM generate_series(1, 25) g;
