CREATE TABLE contact (id int PRIMARY KEY, full_name text NOT NULL);
