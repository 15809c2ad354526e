CREATE TABLE widget (id integer PRIMARY KEY, label text NOT NULL);
INSERT INTO widget SELECT g, 'widget ' || g FROM generate_series(1, 10) g;
