CREATE TABLE team (id int PRIMARY KEY);
CREATE TABLE player (id int PRIMARY KEY, team_id int,
  CONSTRAINT player_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE SET NULL ON UPDATE CASCADE);
