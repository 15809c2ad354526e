CREATE TABLE merchant (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE payment (
  id bigint NOT NULL,
  merchant_id bigint NOT NULL,
  paid_on date NOT NULL,
  PRIMARY KEY (id, paid_on)
) PARTITION BY RANGE (paid_on);
CREATE TABLE payment_2024 PARTITION OF payment FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE payment_2025 PARTITION OF payment FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO merchant SELECT g, 'm' || g FROM generate_series(1, 3) g;
INSERT INTO payment SELECT g, g % 3 + 1, date '2024-06-01' + g * 7 FROM generate_series(1, 60) g;
