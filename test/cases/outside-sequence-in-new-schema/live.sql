CREATE TABLE queue_entry (id int PRIMARY KEY, ticket int NOT NULL);
INSERT INTO queue_entry SELECT g, g FROM generate_series(1, 10) g;
