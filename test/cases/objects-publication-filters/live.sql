CREATE SCHEMA app;
CREATE SCHEMA reporting;
CREATE TABLE app.orders (id bigint PRIMARY KEY, customer text NOT NULL, total numeric NOT NULL, status text NOT NULL, card_last4 text);
CREATE TABLE app.customers (id bigint PRIMARY KEY, email text NOT NULL, "Region" text);
CREATE TABLE reporting.daily (day date PRIMARY KEY, revenue numeric NOT NULL);
INSERT INTO app.orders VALUES (1, 'ann', 10, 'paid', '4242');
CREATE PUBLICATION shop FOR TABLE app.customers;
CREATE PUBLICATION reports;
-- not in the model: kept, shown (every table of app is sent)
CREATE PUBLICATION everything_app FOR TABLES IN SCHEMA app;
