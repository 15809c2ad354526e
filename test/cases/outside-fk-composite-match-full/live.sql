CREATE TABLE region (country char(2) NOT NULL, code text NOT NULL, PRIMARY KEY (country, code));
CREATE TABLE store (id int PRIMARY KEY, country char(2), region_code text);
INSERT INTO region VALUES ('FR', 'IDF'), ('FR', 'PACA'), ('DE', 'BY');
INSERT INTO store VALUES (1, 'FR', 'IDF'), (2, 'DE', 'BY'), (3, NULL, NULL);
