CREATE TABLE address (id bigint PRIMARY KEY, city text NOT NULL, zip text NOT NULL);
INSERT INTO address SELECT g, 'city' || (g % 4), 'z' || g FROM generate_series(1, 20) g;
