CREATE TABLE article_rev (id int PRIMARY KEY, body text, touched_at timestamptz);
CREATE FUNCTION touch_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched_at := now(); RETURN NEW; END $$;
CREATE TRIGGER article_rev_touch BEFORE UPDATE ON article_rev FOR EACH ROW EXECUTE FUNCTION touch_row();
