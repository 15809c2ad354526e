CREATE TABLE slot (id int PRIMARY KEY, position int NOT NULL);
INSERT INTO slot SELECT g, g * 10 FROM generate_series(1, 20) g;
