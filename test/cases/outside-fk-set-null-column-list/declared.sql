CREATE TABLE tenant (id int PRIMARY KEY);
CREATE TABLE folder (tenant_id int NOT NULL, id int NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE document (tenant_id int NOT NULL, id int NOT NULL, folder_id int, PRIMARY KEY (tenant_id, id),
  CONSTRAINT document_folder_fk FOREIGN KEY (tenant_id, folder_id) REFERENCES folder (tenant_id, id) ON DELETE SET NULL (folder_id));
