CREATE TABLE handle (id int PRIMARY KEY, realm text, nick text NOT NULL, CONSTRAINT handle_realm_nick_key UNIQUE NULLS NOT DISTINCT (realm, nick));
