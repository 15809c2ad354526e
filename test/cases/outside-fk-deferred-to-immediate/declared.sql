CREATE TABLE author (id int PRIMARY KEY);
CREATE TABLE essay (id int PRIMARY KEY, author_id int NOT NULL,
  CONSTRAINT essay_author_fk FOREIGN KEY (author_id) REFERENCES author (id) DEFERRABLE INITIALLY IMMEDIATE);
