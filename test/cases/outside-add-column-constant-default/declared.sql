CREATE TABLE shelf (id int PRIMARY KEY, title text NOT NULL, label varchar(40) DEFAULT 'none');
