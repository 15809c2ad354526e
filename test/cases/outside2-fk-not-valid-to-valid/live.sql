CREATE TABLE author (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE book (
  id bigint PRIMARY KEY,
  author_id bigint NOT NULL,
  title text NOT NULL
);
INSERT INTO author SELECT g, 'author ' || g FROM generate_series(1, 5) g;
INSERT INTO book SELECT g, g % 5 + 1, 'book ' || g FROM generate_series(1, 20) g;
ALTER TABLE book ADD CONSTRAINT book_author_fkey FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE NOT VALID;
