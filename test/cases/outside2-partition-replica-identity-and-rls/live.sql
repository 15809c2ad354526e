CREATE TABLE ledger (id bigint NOT NULL, book text NOT NULL, amount numeric NOT NULL) PARTITION BY LIST (book);
CREATE TABLE ledger_a PARTITION OF ledger FOR VALUES IN ('a');
CREATE TABLE ledger_b PARTITION OF ledger FOR VALUES IN ('b');
INSERT INTO ledger SELECT g, CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END, g * 10 FROM generate_series(1, 20) g;
