CREATE TABLE price (sku varchar(20) PRIMARY KEY, cents int NOT NULL);
CREATE TABLE price_log (sku varchar(64), old_cents int, new_cents int);
CREATE RULE price_log_update AS ON UPDATE TO price WHERE old.cents <> new.cents DO ALSO INSERT INTO price_log VALUES (new.sku, old.cents, new.cents);
CREATE MATERIALIZED VIEW price_by_sku AS SELECT sku, cents FROM price WITH NO DATA;
INSERT INTO price SELECT 'sku' || g, g * 10 FROM generate_series(1, 10) g;
