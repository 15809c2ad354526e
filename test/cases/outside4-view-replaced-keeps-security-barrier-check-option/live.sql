CREATE TABLE note (id bigint PRIMARY KEY, owner text NOT NULL, body text NOT NULL);
CREATE VIEW my_notes WITH (security_barrier) AS SELECT n.* FROM note n WHERE n.owner = current_user WITH LOCAL CHECK OPTION;
INSERT INTO note SELECT g, 'u' || (g % 2), 'b' || g FROM generate_series(1, 10) g;
