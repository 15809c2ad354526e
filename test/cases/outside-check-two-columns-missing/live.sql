CREATE TABLE booking (id int PRIMARY KEY, starts_on date NOT NULL, ends_on date NOT NULL);
INSERT INTO booking SELECT g, date '2024-01-01' + g, date '2024-01-01' + g + 3 FROM generate_series(1, 30) g;
