CREATE TABLE events (id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now(), actor text NOT NULL, CONSTRAINT events_actor_nonempty CHECK (actor <> ''));
INSERT INTO events (id, actor) SELECT g, 'user' || g FROM generate_series(1, 5) g;
CREATE TABLE payment_events (id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now(), actor text NOT NULL, cents bigint NOT NULL, CONSTRAINT events_actor_nonempty CHECK (actor <> ''));
INSERT INTO payment_events (id, actor, cents) SELECT g, 'payer' || g, g * 100 FROM generate_series(1, 7) g;
CREATE TABLE export_events (id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now(), actor text NOT NULL, format text NOT NULL);
INSERT INTO export_events (id, actor, format) VALUES (1, 'ops', 'csv');
CREATE TABLE tagged (tags text[] NOT NULL DEFAULT '{}');
CREATE TABLE archive () INHERITS (events);
INSERT INTO archive (id, actor) VALUES (100, 'old');
