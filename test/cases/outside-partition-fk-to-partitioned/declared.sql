CREATE TABLE tenant_acct (id int PRIMARY KEY);
CREATE TABLE usage_row (tenant_id int NOT NULL REFERENCES tenant_acct (id), day date NOT NULL, n int) PARTITION BY RANGE (day);
CREATE TABLE usage_row_2024 PARTITION OF usage_row FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
