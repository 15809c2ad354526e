CREATE TABLE event_row (id int PRIMARY KEY, counter int NOT NULL DEFAULT 0);
INSERT INTO event_row SELECT g, g * 3 FROM generate_series(1, 60) g;
