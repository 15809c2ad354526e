-- Publications: one missing (created, then its table added), one whose publish option differs
-- (set with ALTER PUBLICATION), a table missing from one (added); an extra live member is kept and shown.
CREATE SCHEMA app;
CREATE TABLE app.messages (id bigint PRIMARY KEY, body text);
CREATE TABLE app.rooms (id bigint PRIMARY KEY, name text);
CREATE TABLE app.audit (id bigint PRIMARY KEY, what text);
CREATE PUBLICATION app_realtime FOR TABLE app.messages, app.rooms WITH (publish = 'insert, update, delete');
CREATE PUBLICATION app_audit WITH (publish = 'insert');
ALTER PUBLICATION app_audit ADD TABLE app.audit;
