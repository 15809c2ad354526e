CREATE TABLE team (id int PRIMARY KEY);
CREATE TABLE player (id int PRIMARY KEY, team_id int);
INSERT INTO team SELECT generate_series(1, 4);
INSERT INTO player SELECT g, CASE WHEN g % 3 = 0 THEN NULL ELSE g % 4 + 1 END FROM generate_series(1, 20) g;
