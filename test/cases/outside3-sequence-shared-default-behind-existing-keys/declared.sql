-- from: pgschema create_sequence/add_sequence; schemas that share one id sequence between tables (global ids)
-- A sequence feeding two tables' primary keys is missing on live, where the rows already hold ids 1..12: a sequence
-- created at START 1 would hand out ids that are taken, so the repair has to start it past the highest id in use.
CREATE SEQUENCE global_id_seq;
CREATE TABLE customers (id bigint PRIMARY KEY DEFAULT nextval('global_id_seq'), name text NOT NULL);
CREATE TABLE suppliers (id bigint PRIMARY KEY DEFAULT nextval('global_id_seq'), name text NOT NULL);
