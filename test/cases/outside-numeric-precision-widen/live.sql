CREATE TABLE price_list (id int PRIMARY KEY, amount numeric(10,2) NOT NULL);
INSERT INTO price_list SELECT g, g * 10.5 FROM generate_series(1, 30) g;
