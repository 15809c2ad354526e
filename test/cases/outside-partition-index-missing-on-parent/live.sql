CREATE TABLE audit_entry (id bigint NOT NULL, at date NOT NULL, actor text) PARTITION BY RANGE (at);
CREATE TABLE audit_entry_a PARTITION OF audit_entry FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');
CREATE TABLE audit_entry_b PARTITION OF audit_entry FOR VALUES FROM ('2024-07-01') TO ('2025-01-01');
INSERT INTO audit_entry SELECT g, date '2024-01-01' + g, 'a' || (g % 4) FROM generate_series(0, 300) g;
