CREATE TABLE event_row (id bigint PRIMARY KEY, counter bigint NOT NULL DEFAULT 0);
