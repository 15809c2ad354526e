CREATE TYPE priority AS ENUM ('low', 'normal', 'high');
CREATE TABLE issue (id int PRIMARY KEY, prio priority NOT NULL DEFAULT 'normal');
INSERT INTO issue SELECT g, (ARRAY['low','normal','high'])[g % 3 + 1]::priority FROM generate_series(1, 20) g;
