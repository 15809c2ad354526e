CREATE TABLE sale (id int NOT NULL, region text NOT NULL, amount int, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE sale_eu PARTITION OF sale FOR VALUES IN ('fr', 'de');
CREATE TABLE sale_us PARTITION OF sale FOR VALUES IN ('us');
INSERT INTO sale SELECT g, (ARRAY['fr','de','us'])[g % 3 + 1], g FROM generate_series(1, 30) g;
