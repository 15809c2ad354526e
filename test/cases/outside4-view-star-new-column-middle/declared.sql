-- from: pgschema/pgschema testdata/diff/dependency/issue_308_view_select_star_column_reorder; a view written with t.* gains the table's new column in the middle of its column list, so CREATE OR REPLACE VIEW cannot make it.
CREATE TABLE item (id bigint PRIMARY KEY, title text NOT NULL, status text NOT NULL DEFAULT 'new', note text);
CREATE TABLE category (id bigint PRIMARY KEY, name text NOT NULL);
CREATE VIEW item_extended AS SELECT i.*, c.name AS category_name FROM item i JOIN category c ON c.id = i.id;
CREATE VIEW item_extended_open AS SELECT id, title, note, category_name FROM item_extended WHERE status <> 'done';
