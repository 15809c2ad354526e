CREATE TABLE orders (tenant int, id int, PRIMARY KEY (tenant, id));
CREATE TABLE lines (tenant int, order_id int, n int, PRIMARY KEY (tenant, order_id, n), FOREIGN KEY (tenant, order_id) REFERENCES orders (tenant, id) MATCH FULL);
