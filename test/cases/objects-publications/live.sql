CREATE SCHEMA app;
CREATE TABLE app.messages (id bigint PRIMARY KEY, body text);
CREATE TABLE app.rooms (id bigint PRIMARY KEY, name text);
CREATE TABLE app.audit (id bigint PRIMARY KEY, what text);
CREATE PUBLICATION app_realtime FOR TABLE app.messages, app.audit;
INSERT INTO app.messages VALUES (1, 'hi');
