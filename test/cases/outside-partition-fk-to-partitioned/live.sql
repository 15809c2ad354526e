CREATE TABLE tenant_acct (id int PRIMARY KEY);
CREATE TABLE usage_row (tenant_id int NOT NULL, day date NOT NULL, n int) PARTITION BY RANGE (day);
CREATE TABLE usage_row_2024 PARTITION OF usage_row FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO tenant_acct SELECT generate_series(1, 3);
INSERT INTO usage_row SELECT g % 3 + 1, date '2024-01-01' + g, g FROM generate_series(0, 40) g;
