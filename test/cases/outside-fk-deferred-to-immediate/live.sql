CREATE TABLE author (id int PRIMARY KEY);
CREATE TABLE essay (id int PRIMARY KEY, author_id int NOT NULL,
  CONSTRAINT essay_author_fk FOREIGN KEY (author_id) REFERENCES author (id) DEFERRABLE INITIALLY DEFERRED);
INSERT INTO author SELECT generate_series(1, 5);
INSERT INTO essay SELECT g, g % 5 + 1 FROM generate_series(1, 20) g;
