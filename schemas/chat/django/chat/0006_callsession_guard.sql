BEGIN;
--
-- Raw SQL operation
--
CREATE FUNCTION chat_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
CREATE TRIGGER chat_callsession_touch BEFORE UPDATE ON chat_callsession FOR EACH ROW EXECUTE FUNCTION chat_touch_updated_at();
ALTER TABLE chat_callsession ENABLE ROW LEVEL SECURITY;
CREATE POLICY chat_callsession_participants ON chat_callsession USING (current_setting('app.user_id', true) IN (caller_id::text, receiver_id::text));
COMMIT;
