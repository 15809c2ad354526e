CREATE TABLE contact (id int PRIMARY KEY, fullname text NOT NULL);
INSERT INTO contact SELECT g, 'n' || g FROM generate_series(1, 10) g;
