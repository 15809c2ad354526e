CREATE TABLE "Reading" (id bigint NOT NULL, sensor text NOT NULL, val numeric, touched_at timestamptz) PARTITION BY LIST (sensor);
CREATE TABLE "Reading_A" PARTITION OF "Reading" FOR VALUES IN ('a');
CREATE TABLE "Reading_B" PARTITION OF "Reading" FOR VALUES IN ('b');
CREATE FUNCTION "Touch"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched_at := now(); RETURN NEW; END; $$;
INSERT INTO "Reading" SELECT g, CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END, g, NULL FROM generate_series(1, 12) g;
