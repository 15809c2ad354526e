CREATE TABLE memo (id int PRIMARY KEY, body varchar(200) NOT NULL DEFAULT 'empty');
INSERT INTO memo SELECT g, 'memo ' || g FROM generate_series(1, 30) g;
