-- from: API-key tables in real apps (random tokens from pgcrypto, hashed with crypt); pgschema create_extension/add_extension
-- pgcrypto is missing, and so are a table whose defaults call its functions and a function using crypt(): extension, then table and function.
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE EXTENSION pgcrypto;
CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  prefix text NOT NULL DEFAULT encode(gen_random_bytes(4), 'hex'),
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_keys_user_id ON api_keys (user_id);
CREATE FUNCTION check_api_key(p_prefix text, p_secret text) RETURNS bigint LANGUAGE sql STABLE SET search_path = public
  AS $$ SELECT user_id FROM api_keys WHERE prefix = p_prefix AND secret_hash = crypt(p_secret, secret_hash) $$;
