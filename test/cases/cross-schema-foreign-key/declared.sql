CREATE SCHEMA auth;
CREATE TABLE auth.accounts (id uuid PRIMARY KEY);
CREATE SCHEMA app;
CREATE TABLE app.sessions (id uuid PRIMARY KEY, account_id uuid NOT NULL REFERENCES auth.accounts (id));
