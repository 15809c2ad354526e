CREATE TABLE teams (id integer PRIMARY KEY);
CREATE TABLE orgs (id integer PRIMARY KEY);
CREATE TABLE players (id integer PRIMARY KEY, team_id integer NOT NULL, CONSTRAINT players_team_fk FOREIGN KEY (team_id) REFERENCES teams (id));
