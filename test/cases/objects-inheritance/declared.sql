-- An audit parent and its children (Django-style "abstract" tables made concrete with INHERITS).
CREATE TABLE events (id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now(), actor text NOT NULL, CONSTRAINT events_actor_nonempty CHECK (actor <> ''));
-- missing child: created with every column, then linked
CREATE TABLE login_events (ip inet) INHERITS (events);
-- child made by hand without INHERITS (rows in it): linked, its rows join queries on events
CREATE TABLE payment_events (cents bigint NOT NULL) INHERITS (events);
-- child whose parent check was forgotten: the check is added (validated) before the link
CREATE TABLE export_events (format text NOT NULL) INHERITS (events);
-- two parents
CREATE TABLE tagged (tags text[] NOT NULL DEFAULT '{}');
CREATE TABLE tagged_events (note text) INHERITS (events, tagged);
-- a plain table in the model, a child live: the link is kept and shown
CREATE TABLE archive (id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now(), actor text NOT NULL, CONSTRAINT events_actor_nonempty CHECK (actor <> ''));
