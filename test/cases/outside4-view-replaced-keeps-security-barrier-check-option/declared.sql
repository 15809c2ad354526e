-- from: apgdiff add_view_option fixtures with pgschema issue_308 (a view over t.* and a new table column); a security_barrier view WITH LOCAL CHECK OPTION is replaced to take the new column (it lands at the end, so CREATE OR REPLACE VIEW does) and must keep both options.
CREATE TABLE note (id bigint PRIMARY KEY, owner text NOT NULL, body text NOT NULL, tag text);
CREATE VIEW my_notes WITH (security_barrier) AS SELECT n.* FROM note n WHERE n.owner = current_user WITH LOCAL CHECK OPTION;
