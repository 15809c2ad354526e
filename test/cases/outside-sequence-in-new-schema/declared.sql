CREATE SCHEMA counters;
CREATE SEQUENCE counters.ticket_no AS integer START 500 INCREMENT 5;
CREATE TABLE queue_entry (id int PRIMARY KEY, ticket int NOT NULL DEFAULT nextval('counters.ticket_no'));
