CREATE TABLE "authors" ("id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "authors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1), "name" text NOT NULL);
CREATE TABLE "books" ("id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "books_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1), "author_id" integer NOT NULL, "title" text NOT NULL);
INSERT INTO authors (name) SELECT 'a' || g FROM generate_series(1, 5) g;
INSERT INTO books (author_id, title) SELECT g % 5 + 1, 'b' || g FROM generate_series(1, 20) g;
