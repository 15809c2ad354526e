-- from: migra's "dependencies" fixture and PostgreSQL's CREATE RULE manual page (an audit rule on UPDATE): a widened column is named by a rule's action and read by a materialized view created WITH NO DATA (it must stay unpopulated: no refresh).
CREATE TABLE price (sku varchar(64) PRIMARY KEY, cents int NOT NULL);
CREATE TABLE price_log (sku varchar(64), old_cents int, new_cents int);
CREATE RULE price_log_update AS ON UPDATE TO price WHERE old.cents <> new.cents DO ALSO INSERT INTO price_log VALUES (new.sku, old.cents, new.cents);
CREATE MATERIALIZED VIEW price_by_sku AS SELECT sku, cents FROM price WITH NO DATA;
