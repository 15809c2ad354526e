-- from: stripe/pg-schema-diff policy case "Alter policy that references deleted columns and new columns"; a varchar column is widened in the model while a live policy's USING names it (PostgreSQL refuses ALTER COLUMN TYPE on a column a policy uses).
CREATE TABLE documents (id bigint PRIMARY KEY, tenant varchar(64) NOT NULL, title text NOT NULL);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY documents_tenant ON documents USING (tenant = current_setting('app.tenant', true));
