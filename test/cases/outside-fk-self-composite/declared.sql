CREATE TABLE node (tree_id int NOT NULL, id int NOT NULL, parent_id int, PRIMARY KEY (tree_id, id),
  CONSTRAINT node_parent_fk FOREIGN KEY (tree_id, parent_id) REFERENCES node (tree_id, id) ON DELETE CASCADE);
CREATE INDEX node_parent_idx ON node (tree_id, parent_id);
