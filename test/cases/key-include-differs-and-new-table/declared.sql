-- A live unique constraint lacks the declared INCLUDE column (same name and key columns): it is replaced by a new index built beside it, swapped in one ALTER TABLE. A missing table's primary key carries INCLUDE and a fillfactor.
CREATE TABLE seat (id bigint PRIMARY KEY, hall int NOT NULL, row_no int NOT NULL, label text NOT NULL, CONSTRAINT seat_hall_row_key UNIQUE (hall, row_no) INCLUDE (label));
CREATE TABLE seat_hold (seat bigint NOT NULL, until timestamptz NOT NULL, holder text, CONSTRAINT seat_hold_pkey PRIMARY KEY (seat) INCLUDE (until) WITH (fillfactor = 70));
