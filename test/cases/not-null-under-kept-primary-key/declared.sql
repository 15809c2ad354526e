CREATE TABLE events (id integer, payload text);
