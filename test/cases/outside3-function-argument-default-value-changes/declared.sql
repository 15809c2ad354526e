-- from: pgschema create_function/alter_function_same_signature; RPC functions (PostgREST/Supabase) whose page-size default was raised
-- Only the value of an argument's DEFAULT differs (5 live, 25 declared). CREATE OR REPLACE FUNCTION may change a default's
-- value (it refuses only to remove a default or change its type), so no drop and create, and no replace hazard, is needed.
CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL);
CREATE FUNCTION list_items(search text, page_size int DEFAULT 25) RETURNS SETOF int LANGUAGE sql STABLE AS $$ SELECT id FROM items WHERE name LIKE search || '%' ORDER BY id LIMIT page_size $$;
