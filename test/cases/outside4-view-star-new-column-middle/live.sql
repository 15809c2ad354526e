CREATE TABLE item (id bigint PRIMARY KEY, title text NOT NULL, status text NOT NULL DEFAULT 'new');
CREATE TABLE category (id bigint PRIMARY KEY, name text NOT NULL);
CREATE VIEW item_extended AS SELECT i.*, c.name AS category_name FROM item i JOIN category c ON c.id = i.id;
CREATE VIEW item_extended_open AS SELECT id, title, category_name FROM item_extended WHERE status <> 'done';
INSERT INTO item SELECT g, 'item ' || g, CASE WHEN g % 3 = 0 THEN 'done' ELSE 'new' END FROM generate_series(1, 12) g;
INSERT INTO category SELECT g, 'cat ' || g FROM generate_series(1, 12) g;
