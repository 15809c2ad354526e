-- from: stripe/pg-schema-diff policy case "Alter policy that references deleted columns and new columns (non-public schema)"; a live policy's USING changes to name a column live lacks, in a schema other than public.
CREATE SCHEMA crm;
CREATE TABLE crm.contact (id bigint PRIMARY KEY, owner text NOT NULL, team text, email text NOT NULL);
ALTER TABLE crm.contact ENABLE ROW LEVEL SECURITY;
CREATE POLICY contact_visible ON crm.contact FOR SELECT USING (owner = current_user OR team = current_setting('app.team', true));
