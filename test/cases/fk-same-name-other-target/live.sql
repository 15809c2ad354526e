-- The foreign key's name points at another table than the model says.
CREATE TABLE teams (id integer PRIMARY KEY);
CREATE TABLE orgs (id integer PRIMARY KEY);
CREATE TABLE players (id integer PRIMARY KEY, team_id integer NOT NULL, CONSTRAINT players_team_fk FOREIGN KEY (team_id) REFERENCES orgs (id));
INSERT INTO teams SELECT g FROM generate_series(1, 5) g;
INSERT INTO orgs SELECT g FROM generate_series(1, 5) g;
INSERT INTO players SELECT g, 1 + g % 5 FROM generate_series(1, 20) g;
