CREATE TABLE visit (id int PRIMARY KEY, site text NOT NULL, ua text, ref text);
INSERT INTO visit SELECT g, 's' || (g % 4), 'ua', 'ref' FROM generate_series(1, 40) g;
CREATE INDEX visit_site_idx ON visit (site) INCLUDE (ua);
