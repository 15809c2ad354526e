CREATE TABLE "users_user" ("id" uuid NOT NULL PRIMARY KEY, "email" varchar(254) NOT NULL UNIQUE, "first_name" varchar(150) NOT NULL, "last_name" varchar(150) NOT NULL);
CREATE INDEX "users_user_email_243f6e77_like" ON "users_user" ("email" varchar_pattern_ops);
CREATE TABLE "parcels_parcel" ("id" uuid NOT NULL PRIMARY KEY, "tracking_code" varchar(32) NOT NULL);
CREATE TABLE "chat_chatroom" ("id" uuid NOT NULL PRIMARY KEY, "name" varchar(100) NOT NULL, "created_at" timestamp with time zone NOT NULL);
CREATE TABLE IF NOT EXISTS chat_callsession (
    id uuid PRIMARY KEY,
    caller_id uuid REFERENCES users_user(id),
    receiver_id uuid REFERENCES users_user(id),
    status varchar(20) NOT NULL,
    start_time timestamp NULL,
    end_time timestamp NULL,
    duration_seconds integer NULL,
    created_at timestamp NOT NULL,
    updated_at timestamp NOT NULL,
    chat_room_id uuid NULL REFERENCES chat_chatroom(id),
    parcel_id uuid NULL REFERENCES parcels_parcel(id)
);
CREATE TABLE IF NOT EXISTS chat_calllog (
    id uuid PRIMARY KEY,
    call_session_id uuid REFERENCES chat_callsession(id),
    participant_id uuid REFERENCES users_user(id),
    other_participant_id uuid REFERENCES users_user(id),
    log_type varchar(20) NOT NULL,
    timestamp timestamp NOT NULL,
    duration_seconds integer NULL,
    room_id uuid NULL REFERENCES chat_chatroom(id)
);
INSERT INTO users_user VALUES ('00000000-0000-0000-0000-000000000001', 'a@x.org', 'A', 'A'), ('00000000-0000-0000-0000-000000000002', 'b@x.org', 'B', 'B');
INSERT INTO chat_chatroom VALUES ('00000000-0000-0000-0000-0000000000c1', 'support', now());
INSERT INTO chat_callsession (id, caller_id, receiver_id, status, start_time, created_at, updated_at, chat_room_id) VALUES ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002', 'ended', '2026-11-20 10:00', '2026-11-20 10:00', '2026-11-20 10:05', '00000000-0000-0000-0000-0000000000c1');
INSERT INTO chat_calllog (id, call_session_id, participant_id, other_participant_id, log_type, timestamp) VALUES ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002', 'outgoing', '2026-11-20 10:00');
