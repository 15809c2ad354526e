--
-- PostgreSQL database dump
--

\restrict uVe5Ng8tymSReuPHqgKM48JnerNGu8jynDISh1vbho7ZKszvCbcXQnIszZw8Gxf

-- Dumped from database version 14.23
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: public; Type: SCHEMA; Schema: -; Owner: postgres
--

-- *not* creating schema, since initdb creates it


ALTER SCHEMA public OWNER TO postgres;

--
-- Name: chat_touch_updated_at(); Type: FUNCTION; Schema: public; Owner: chat_owner
--

CREATE FUNCTION public.chat_touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;


ALTER FUNCTION public.chat_touch_updated_at() OWNER TO chat_owner;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: chat_calllog; Type: TABLE; Schema: public; Owner: chat_owner
--

CREATE TABLE public.chat_calllog (
    id uuid NOT NULL,
    log_type character varying(20) NOT NULL,
    "timestamp" timestamp with time zone NOT NULL,
    duration_seconds integer,
    call_session_id uuid NOT NULL,
    other_participant_id uuid NOT NULL,
    participant_id uuid NOT NULL,
    room_id uuid
);


ALTER TABLE public.chat_calllog OWNER TO chat_owner;

--
-- Name: chat_callsession; Type: TABLE; Schema: public; Owner: chat_owner
--

CREATE TABLE public.chat_callsession (
    id uuid NOT NULL,
    status character varying(20) NOT NULL,
    start_time timestamp with time zone,
    end_time timestamp with time zone,
    duration_seconds integer,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    caller_id uuid NOT NULL,
    chat_room_id uuid,
    parcel_id uuid,
    receiver_id uuid NOT NULL,
    provider_call_id character varying(64)
);


ALTER TABLE public.chat_callsession OWNER TO chat_owner;

--
-- Name: TABLE chat_callsession; Type: COMMENT; Schema: public; Owner: chat_owner
--

COMMENT ON TABLE public.chat_callsession IS 'calls; created by chat.0004_callsession';


--
-- Name: chat_chatroom; Type: TABLE; Schema: public; Owner: chat_owner
--

CREATE TABLE public.chat_chatroom (
    id uuid NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    customer_id uuid NOT NULL,
    parcel_id uuid,
    traveler_id uuid NOT NULL
);


ALTER TABLE public.chat_chatroom OWNER TO chat_owner;

--
-- Name: chat_message; Type: TABLE; Schema: public; Owner: chat_owner
--

CREATE TABLE public.chat_message (
    id uuid NOT NULL,
    content text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    room_id uuid NOT NULL,
    sender_id uuid NOT NULL,
    message_type character varying(20) NOT NULL
);


ALTER TABLE public.chat_message OWNER TO chat_owner;

--
-- Name: parcels_parcel; Type: TABLE; Schema: public; Owner: chat_owner
--

CREATE TABLE public.parcels_parcel (
    id uuid NOT NULL,
    tracking_number character varying(32) NOT NULL,
    description text NOT NULL,
    weight_kg numeric(8,2) NOT NULL,
    status character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    sender_id uuid NOT NULL
);


ALTER TABLE public.parcels_parcel OWNER TO chat_owner;

--
-- Name: users_user; Type: TABLE; Schema: public; Owner: chat_owner
--

CREATE TABLE public.users_user (
    id uuid NOT NULL,
    email character varying(254) NOT NULL,
    first_name character varying(150) NOT NULL,
    last_name character varying(150) NOT NULL,
    password character varying(128) NOT NULL,
    last_login timestamp with time zone,
    is_active boolean NOT NULL,
    date_joined timestamp with time zone NOT NULL,
    contact character varying(20) NOT NULL
);


ALTER TABLE public.users_user OWNER TO chat_owner;

--
-- Name: chat_calllog chat_calllog_pkey; Type: CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_calllog
    ADD CONSTRAINT chat_calllog_pkey PRIMARY KEY (id);


--
-- Name: chat_callsession chat_callsession_pkey; Type: CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_callsession
    ADD CONSTRAINT chat_callsession_pkey PRIMARY KEY (id);


--
-- Name: chat_chatroom chat_chatroom_pkey; Type: CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_chatroom
    ADD CONSTRAINT chat_chatroom_pkey PRIMARY KEY (id);


--
-- Name: chat_message chat_message_pkey; Type: CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_message
    ADD CONSTRAINT chat_message_pkey PRIMARY KEY (id);


--
-- Name: parcels_parcel parcels_parcel_pkey; Type: CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.parcels_parcel
    ADD CONSTRAINT parcels_parcel_pkey PRIMARY KEY (id);


--
-- Name: parcels_parcel parcels_parcel_tracking_number_key; Type: CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.parcels_parcel
    ADD CONSTRAINT parcels_parcel_tracking_number_key UNIQUE (tracking_number);


--
-- Name: users_user users_user_email_key; Type: CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.users_user
    ADD CONSTRAINT users_user_email_key UNIQUE (email);


--
-- Name: users_user users_user_pkey; Type: CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.users_user
    ADD CONSTRAINT users_user_pkey PRIMARY KEY (id);


--
-- Name: chat_calllog_call_session_id_5f992829; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_calllog_call_session_id_5f992829 ON public.chat_calllog USING btree (call_session_id);


--
-- Name: chat_calllog_other_participant_id_16d3a0ba; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_calllog_other_participant_id_16d3a0ba ON public.chat_calllog USING btree (other_participant_id);


--
-- Name: chat_calllog_participant_id_8f015b99; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_calllog_participant_id_8f015b99 ON public.chat_calllog USING btree (participant_id);


--
-- Name: chat_calllog_room_id_60be36a7; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_calllog_room_id_60be36a7 ON public.chat_calllog USING btree (room_id);


--
-- Name: chat_callsession_caller_id_cc216afb; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_callsession_caller_id_cc216afb ON public.chat_callsession USING btree (caller_id);


--
-- Name: chat_callsession_chat_room_id_fde13cf2; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_callsession_chat_room_id_fde13cf2 ON public.chat_callsession USING btree (chat_room_id);


--
-- Name: chat_callsession_parcel_id_1b981f5a; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_callsession_parcel_id_1b981f5a ON public.chat_callsession USING btree (parcel_id);


--
-- Name: chat_callsession_provider_call_id_2d741d04; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_callsession_provider_call_id_2d741d04 ON public.chat_callsession USING btree (provider_call_id);


--
-- Name: chat_callsession_provider_call_id_2d741d04_like; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_callsession_provider_call_id_2d741d04_like ON public.chat_callsession USING btree (provider_call_id varchar_pattern_ops);


--
-- Name: chat_callsession_receiver_id_7f769efe; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_callsession_receiver_id_7f769efe ON public.chat_callsession USING btree (receiver_id);


--
-- Name: chat_chatroom_customer_id_a7583800; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_chatroom_customer_id_a7583800 ON public.chat_chatroom USING btree (customer_id);


--
-- Name: chat_chatroom_parcel_id_2541be0b; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_chatroom_parcel_id_2541be0b ON public.chat_chatroom USING btree (parcel_id);


--
-- Name: chat_chatroom_traveler_id_3f439f47; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_chatroom_traveler_id_3f439f47 ON public.chat_chatroom USING btree (traveler_id);


--
-- Name: chat_message_room_id_5e7d8d78; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_message_room_id_5e7d8d78 ON public.chat_message USING btree (room_id);


--
-- Name: chat_message_sender_id_991c686c; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX chat_message_sender_id_991c686c ON public.chat_message USING btree (sender_id);


--
-- Name: parcels_parcel_sender_id_1c261970; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX parcels_parcel_sender_id_1c261970 ON public.parcels_parcel USING btree (sender_id);


--
-- Name: parcels_parcel_status_0adb7e32; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX parcels_parcel_status_0adb7e32 ON public.parcels_parcel USING btree (status);


--
-- Name: parcels_parcel_status_0adb7e32_like; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX parcels_parcel_status_0adb7e32_like ON public.parcels_parcel USING btree (status varchar_pattern_ops);


--
-- Name: parcels_parcel_tracking_number_aa52a0bf_like; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX parcels_parcel_tracking_number_aa52a0bf_like ON public.parcels_parcel USING btree (tracking_number varchar_pattern_ops);


--
-- Name: users_user_email_243f6e77_like; Type: INDEX; Schema: public; Owner: chat_owner
--

CREATE INDEX users_user_email_243f6e77_like ON public.users_user USING btree (email varchar_pattern_ops);


--
-- Name: chat_callsession chat_callsession_touch; Type: TRIGGER; Schema: public; Owner: chat_owner
--

CREATE TRIGGER chat_callsession_touch BEFORE UPDATE ON public.chat_callsession FOR EACH ROW EXECUTE FUNCTION public.chat_touch_updated_at();


--
-- Name: chat_calllog chat_calllog_call_session_id_5f992829_fk_chat_callsession_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_calllog
    ADD CONSTRAINT chat_calllog_call_session_id_5f992829_fk_chat_callsession_id FOREIGN KEY (call_session_id) REFERENCES public.chat_callsession(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: chat_calllog chat_calllog_other_participant_id_16d3a0ba_fk_users_user_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_calllog
    ADD CONSTRAINT chat_calllog_other_participant_id_16d3a0ba_fk_users_user_id FOREIGN KEY (other_participant_id) REFERENCES public.users_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: chat_calllog chat_calllog_participant_id_8f015b99_fk_users_user_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_calllog
    ADD CONSTRAINT chat_calllog_participant_id_8f015b99_fk_users_user_id FOREIGN KEY (participant_id) REFERENCES public.users_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: chat_calllog chat_calllog_room_id_60be36a7_fk_chat_chatroom_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_calllog
    ADD CONSTRAINT chat_calllog_room_id_60be36a7_fk_chat_chatroom_id FOREIGN KEY (room_id) REFERENCES public.chat_chatroom(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: chat_callsession chat_callsession_caller_id_cc216afb_fk_users_user_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_callsession
    ADD CONSTRAINT chat_callsession_caller_id_cc216afb_fk_users_user_id FOREIGN KEY (caller_id) REFERENCES public.users_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: chat_callsession chat_callsession_chat_room_id_fde13cf2_fk_chat_chatroom_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_callsession
    ADD CONSTRAINT chat_callsession_chat_room_id_fde13cf2_fk_chat_chatroom_id FOREIGN KEY (chat_room_id) REFERENCES public.chat_chatroom(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: chat_callsession chat_callsession_parcel_id_1b981f5a_fk_parcels_parcel_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_callsession
    ADD CONSTRAINT chat_callsession_parcel_id_1b981f5a_fk_parcels_parcel_id FOREIGN KEY (parcel_id) REFERENCES public.parcels_parcel(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: chat_callsession chat_callsession_receiver_id_7f769efe_fk_users_user_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_callsession
    ADD CONSTRAINT chat_callsession_receiver_id_7f769efe_fk_users_user_id FOREIGN KEY (receiver_id) REFERENCES public.users_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: chat_chatroom chat_chatroom_customer_id_a7583800_fk_users_user_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_chatroom
    ADD CONSTRAINT chat_chatroom_customer_id_a7583800_fk_users_user_id FOREIGN KEY (customer_id) REFERENCES public.users_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: chat_chatroom chat_chatroom_parcel_id_2541be0b_fk_parcels_parcel_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_chatroom
    ADD CONSTRAINT chat_chatroom_parcel_id_2541be0b_fk_parcels_parcel_id FOREIGN KEY (parcel_id) REFERENCES public.parcels_parcel(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: chat_chatroom chat_chatroom_traveler_id_3f439f47_fk_users_user_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_chatroom
    ADD CONSTRAINT chat_chatroom_traveler_id_3f439f47_fk_users_user_id FOREIGN KEY (traveler_id) REFERENCES public.users_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: chat_message chat_message_room_id_5e7d8d78_fk_chat_chatroom_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_message
    ADD CONSTRAINT chat_message_room_id_5e7d8d78_fk_chat_chatroom_id FOREIGN KEY (room_id) REFERENCES public.chat_chatroom(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: chat_message chat_message_sender_id_991c686c_fk_users_user_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.chat_message
    ADD CONSTRAINT chat_message_sender_id_991c686c_fk_users_user_id FOREIGN KEY (sender_id) REFERENCES public.users_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: parcels_parcel parcels_parcel_sender_id_1c261970_fk_users_user_id; Type: FK CONSTRAINT; Schema: public; Owner: chat_owner
--

ALTER TABLE ONLY public.parcels_parcel
    ADD CONSTRAINT parcels_parcel_sender_id_1c261970_fk_users_user_id FOREIGN KEY (sender_id) REFERENCES public.users_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: chat_callsession; Type: ROW SECURITY; Schema: public; Owner: chat_owner
--

ALTER TABLE public.chat_callsession ENABLE ROW LEVEL SECURITY;

--
-- Name: chat_callsession chat_callsession_participants; Type: POLICY; Schema: public; Owner: chat_owner
--

CREATE POLICY chat_callsession_participants ON public.chat_callsession USING (((current_setting('app.user_id'::text, true) = (caller_id)::text) OR (current_setting('app.user_id'::text, true) = (receiver_id)::text)));


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: postgres
--

REVOKE USAGE ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO PUBLIC;


--
-- Name: TABLE chat_calllog; Type: ACL; Schema: public; Owner: chat_owner
--

GRANT SELECT ON TABLE public.chat_calllog TO chat_reader;


--
-- Name: TABLE chat_callsession; Type: ACL; Schema: public; Owner: chat_owner
--

GRANT SELECT ON TABLE public.chat_callsession TO chat_reader;


--
-- Name: TABLE chat_chatroom; Type: ACL; Schema: public; Owner: chat_owner
--

GRANT SELECT ON TABLE public.chat_chatroom TO chat_reader;


--
-- Name: TABLE chat_message; Type: ACL; Schema: public; Owner: chat_owner
--

GRANT SELECT ON TABLE public.chat_message TO chat_reader;


--
-- Name: TABLE parcels_parcel; Type: ACL; Schema: public; Owner: chat_owner
--

GRANT SELECT ON TABLE public.parcels_parcel TO chat_reader;


--
-- Name: TABLE users_user; Type: ACL; Schema: public; Owner: chat_owner
--

GRANT SELECT ON TABLE public.users_user TO chat_reader;


--
-- PostgreSQL database dump complete
--

\unrestrict uVe5Ng8tymSReuPHqgKM48JnerNGu8jynDISh1vbho7ZKszvCbcXQnIszZw8Gxf

