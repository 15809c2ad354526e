CREATE TABLE users (id bigint PRIMARY KEY, login text NOT NULL, display_name text COLLATE "C", CONSTRAINT users_login_key UNIQUE (login));
CREATE INDEX users_display_name_idx ON users (display_name);
INSERT INTO users SELECT g, 'user' || g, CASE WHEN g % 2 = 0 THEN 'Name ' || g ELSE 'name ' || g END FROM generate_series(1, 20) g;
