-- from: stripe/pg-schema-diff partitioned table cases and Django CharField max_length changes; the partition key column of a list-partitioned table is varchar(8) in the model and varchar(4) on live (PostgreSQL refuses to alter a partition key column: the plan must say so, not stop).
CREATE TABLE sale (id bigint NOT NULL, region varchar(8) NOT NULL, cents bigint NOT NULL) PARTITION BY LIST (region);
CREATE TABLE sale_eu PARTITION OF sale FOR VALUES IN ('EU');
CREATE TABLE sale_us PARTITION OF sale FOR VALUES IN ('US');
