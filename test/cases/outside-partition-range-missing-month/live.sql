CREATE TABLE measurement (city_id int NOT NULL, logged_on date NOT NULL, temp int) PARTITION BY RANGE (logged_on);
CREATE TABLE measurement_2024_01 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE measurement_2024_02 PARTITION OF measurement FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
INSERT INTO measurement SELECT g % 3, date '2024-01-01' + g, g FROM generate_series(0, 50) g;
