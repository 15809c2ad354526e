DO $$ BEGIN CREATE ROLE reconcile_case_anon NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_authenticated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA auth;
CREATE TABLE auth.users (id uuid PRIMARY KEY, email text, raw_user_meta_data jsonb NOT NULL DEFAULT '{}');
CREATE TABLE public.profiles (id uuid PRIMARY KEY, full_name text, avatar_url text, updated_at timestamptz);
INSERT INTO auth.users (id, email, raw_user_meta_data) SELECT ('00000000-0000-0000-0000-0000000000' || lpad(g::text, 2, '0'))::uuid, 'u' || g || '@example.com', jsonb_build_object('full_name', 'User ' || g) FROM generate_series(1, 6) g;
INSERT INTO public.profiles (id, full_name) SELECT id, raw_user_meta_data ->> 'full_name' FROM auth.users;
