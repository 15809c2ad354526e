CREATE TABLE tags (id integer, label text);
INSERT INTO tags SELECT g, 'l' || g FROM generate_series(1, 30) g;
