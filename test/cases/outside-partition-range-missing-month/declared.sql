CREATE TABLE measurement (city_id int NOT NULL, logged_on date NOT NULL, temp int) PARTITION BY RANGE (logged_on);
CREATE TABLE measurement_2024_01 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE measurement_2024_02 PARTITION OF measurement FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE measurement_2024_03 PARTITION OF measurement FOR VALUES FROM ('2024-03-01') TO ('2024-04-01');
