CREATE TABLE documents (id bigint PRIMARY KEY, tenant varchar(20) NOT NULL, title text NOT NULL);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_tenant ON documents USING (tenant = current_setting('app.tenant', true));
INSERT INTO documents SELECT g, 'tenant' || (g % 3), 'doc ' || g FROM generate_series(1, 12) g;
