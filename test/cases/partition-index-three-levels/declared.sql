-- An index missing on a three-level partitioned table (root -> partitioned -> partitioned -> leaves) whose leaves hold rows.
-- In live, one partitioned partition (ev_2025) already has a valid matching index and one leaf (ev_2024_view) a hand-made
-- one: both are attached as they are. The name ev_2024_click_h0_ev_tenant_at is held by another index of that leaf, so
-- its part gets a number appended. A leaf (ev_2026) and a partitioned subtree (ev_2027) without rows take plain builds.
CREATE TABLE ev (tenant integer NOT NULL, at date NOT NULL, kind text NOT NULL, payload text) PARTITION BY RANGE (at);
CREATE TABLE ev_2024 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (kind);
CREATE TABLE ev_2024_click PARTITION OF ev_2024 FOR VALUES IN ('click') PARTITION BY HASH (tenant);
CREATE TABLE ev_2024_click_h0 PARTITION OF ev_2024_click FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE ev_2024_click_h1 PARTITION OF ev_2024_click FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE ev_2024_view PARTITION OF ev_2024 FOR VALUES IN ('view');
CREATE TABLE ev_2025 PARTITION OF ev FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (kind);
CREATE TABLE ev_2025_click PARTITION OF ev_2025 FOR VALUES IN ('click');
CREATE TABLE ev_2026 PARTITION OF ev FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE ev_2027 PARTITION OF ev FOR VALUES FROM ('2027-01-01') TO ('2028-01-01') PARTITION BY LIST (kind);
CREATE TABLE ev_2027_click PARTITION OF ev_2027 FOR VALUES IN ('click');
CREATE INDEX ev_2024_click_h0_ev_tenant_at ON ev_2024_click_h0 (payload);
CREATE INDEX ev_tenant_at ON ev (tenant, at);
