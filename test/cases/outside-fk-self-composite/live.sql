CREATE TABLE node (tree_id int NOT NULL, id int NOT NULL, parent_id int, PRIMARY KEY (tree_id, id));
INSERT INTO node VALUES (1, 1, NULL), (1, 2, 1), (1, 3, 2), (2, 1, NULL), (2, 2, 1);
