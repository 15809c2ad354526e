CREATE TABLE member (
  id integer PRIMARY KEY,
  email text NOT NULL
);
INSERT INTO member SELECT g, 'm' || g || '@example.org' FROM generate_series(1, 25) g;
CREATE UNIQUE INDEX member_email_key ON member (email);
