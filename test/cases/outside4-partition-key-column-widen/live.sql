CREATE TABLE sale (id bigint NOT NULL, region varchar(4) NOT NULL, cents bigint NOT NULL) PARTITION BY LIST (region);
CREATE TABLE sale_eu PARTITION OF sale FOR VALUES IN ('EU');
CREATE TABLE sale_us PARTITION OF sale FOR VALUES IN ('US');
INSERT INTO sale SELECT g, CASE WHEN g % 2 = 0 THEN 'EU' ELSE 'US' END, g * 100 FROM generate_series(1, 20) g;
