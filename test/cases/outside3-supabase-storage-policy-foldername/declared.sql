-- from: Supabase Storage access-control guides (policies on storage.objects with bucket_id and storage.foldername(name)[1])
-- Policies with array subscripts of a function result and a cast to text: one missing, one whose USING lacks the folder test on live.
DO $$ BEGIN CREATE ROLE reconcile_case_anon NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE reconcile_case_authenticated NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA auth;
CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('request.jwt.claims', true)::jsonb ->> 'sub', '')::uuid $$;
CREATE SCHEMA storage;
CREATE TABLE storage.objects (id uuid PRIMARY KEY, bucket_id text NOT NULL, name text NOT NULL, owner uuid);
CREATE FUNCTION storage.foldername(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN (string_to_array(name, '/'))[1:array_length(string_to_array(name, '/'), 1) - 1]; END $$;
ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Avatar images are publicly accessible" ON storage.objects FOR SELECT TO reconcile_case_anon, reconcile_case_authenticated USING (bucket_id = 'avatars');
CREATE POLICY "Users upload into their own folder" ON storage.objects FOR INSERT TO reconcile_case_authenticated
  WITH CHECK (bucket_id = 'avatars' AND (storage.foldername(name))[1] = (SELECT auth.uid())::text);
CREATE POLICY "Users update their own files" ON storage.objects FOR UPDATE TO reconcile_case_authenticated
  USING (bucket_id = 'avatars' AND (storage.foldername(name))[1] = (SELECT auth.uid())::text);
