CREATE TABLE tenant (id int PRIMARY KEY);
CREATE TABLE folder (tenant_id int NOT NULL, id int NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE document (tenant_id int NOT NULL, id int NOT NULL, folder_id int, PRIMARY KEY (tenant_id, id),
  CONSTRAINT document_folder_fk FOREIGN KEY (tenant_id, folder_id) REFERENCES folder (tenant_id, id) ON DELETE SET NULL);
INSERT INTO tenant VALUES (1), (2);
INSERT INTO folder VALUES (1, 1), (1, 2), (2, 1);
INSERT INTO document VALUES (1, 1, 1), (1, 2, 2), (2, 1, 1), (2, 2, NULL);
