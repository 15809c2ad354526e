CREATE TABLE visit (id int PRIMARY KEY, site text NOT NULL, ua text, ref text);
CREATE INDEX visit_site_idx ON visit (site) INCLUDE (ua, ref);
