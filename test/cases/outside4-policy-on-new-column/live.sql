CREATE SCHEMA crm;
CREATE TABLE crm.contact (id bigint PRIMARY KEY, owner text NOT NULL, email text NOT NULL);
ALTER TABLE crm.contact ENABLE ROW LEVEL SECURITY;
CREATE POLICY contact_visible ON crm.contact FOR SELECT USING (owner = current_user);
INSERT INTO crm.contact SELECT g, 'u' || (g % 3), 'c' || g || '@example.com' FROM generate_series(1, 12) g;
