CREATE TABLE sale (id int NOT NULL, region text NOT NULL, amount int, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE sale_eu PARTITION OF sale FOR VALUES IN ('fr', 'de');
CREATE TABLE sale_us PARTITION OF sale FOR VALUES IN ('us');
CREATE TABLE sale_other PARTITION OF sale DEFAULT;
