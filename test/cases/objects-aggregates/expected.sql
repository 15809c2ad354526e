-- pg-reconcile repair plan
-- source:      declared.sql
-- target:      live.sql
-- server:      PostgreSQL N
-- tool:        pg-reconcile test
-- planned at:  T
-- live schema: H
-- statements:  10 (withheld for hazards: 0)
--
-- Run with: psql -v ON_ERROR_STOP=1 -f plan.sql
-- Every statement is guarded or idempotent: running the script twice changes nothing the second time.

\set ON_ERROR_STOP on
SET lock_timeout = '2s';
SET statement_timeout = '60s';
SET search_path = pg_catalog;

-- [1/10] functions: create function stats.count_step(bigint)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'stats' AND p.proname = 'count_step' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'bigint' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION stats.count_step(state bigint)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT state + 1 $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION stats.count_step(state bigint)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT state + 1 $function$
'; END $reconcile$;
\endif

-- [2/10] functions: drop and create function stats.pick_final(text[], double precision, text) (its arguments or result change)
-- lock: none
-- HAZARD (replace): function stats.pick_final(text[], double precision, text) changes its arguments, result or kind, which CREATE OR REPLACE cannot do: it is dropped and created again, with what depends on it, created again as declared: aggregate stats.pick(double precision, text)
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'stats' AND p.proname = 'pick_final' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text[], double precision, text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION stats.pick_final(state text[], frac double precision, v text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT state[1] $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP AGGREGATE "stats"."pick"(double precision ORDER BY text)'; EXECUTE 'DROP FUNCTION "stats"."pick_final"(state text[], frac double precision, v text)'; EXECUTE 'CREATE OR REPLACE FUNCTION stats.pick_final(state text[], frac double precision, v text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT state[1] $function$
'; EXECUTE 'CREATE AGGREGATE stats.pick(double precision ORDER BY text) (SFUNC = array_append, STYPE = text[], FINALFUNC = stats.pick_final, FINALFUNC_EXTRA, FINALFUNC_MODIFY = READ_WRITE)'; END $reconcile$;
\endif

-- [3/10] functions: create function stats.root(numeric)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'stats' AND p.proname = 'root' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION stats.root(state numeric)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT sqrt(state::double precision) $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION stats.root(state numeric)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT sqrt(state::double precision) $function$
'; END $reconcile$;
\endif

-- [4/10] functions: create function stats.sum_sq_step(numeric, numeric)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'stats' AND p.proname = 'sum_sq_step' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric, numeric' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION stats.sum_sq_step(state numeric, x numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ SELECT state + x * x $function$
')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'CREATE OR REPLACE FUNCTION stats.sum_sq_step(state numeric, x numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ SELECT state + x * x $function$
'; END $reconcile$;
\endif

-- [5/10] late-functions: replace the definition of aggregate stats.concat_all(text)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid WHERE n.nspname = 'stats' AND p.proname = 'concat_all' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND 'CREATE AGGREGATE ' || CASE WHEN (SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace) = 'pg_catalog' THEN quote_ident(p.proname) ELSE quote_ident((SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace)) || '.' || quote_ident(p.proname) END
  || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END || ') ('
  || concat_ws(', ',
       'SFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggtransfn),
       'STYPE = ' || format_type(a.aggtranstype, NULL),
       CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggfinalfn) END,
       CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggcombinefn) END,
       CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggserialfn) END,
       CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggdeserialfn) END,
       CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmtransfn) END,
       CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggminvtransfn) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
       CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmfinalfn) END,
       CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
       CASE WHEN a.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = a.aggsortop) END,
       CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
       CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END)
  || ')' = 'CREATE AGGREGATE stats.concat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '''')')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE OR REPLACE AGGREGATE stats.concat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '');
\endif

-- [6/10] late-functions: create aggregate stats.norm(numeric)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid WHERE n.nspname = 'stats' AND p.proname = 'norm' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric' AND 'CREATE AGGREGATE ' || CASE WHEN (SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace) = 'pg_catalog' THEN quote_ident(p.proname) ELSE quote_ident((SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace)) || '.' || quote_ident(p.proname) END
  || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END || ') ('
  || concat_ws(', ',
       'SFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggtransfn),
       'STYPE = ' || format_type(a.aggtranstype, NULL),
       CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggfinalfn) END,
       CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggcombinefn) END,
       CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggserialfn) END,
       CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggdeserialfn) END,
       CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmtransfn) END,
       CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggminvtransfn) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
       CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmfinalfn) END,
       CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
       CASE WHEN a.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = a.aggsortop) END,
       CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
       CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END)
  || ')' = 'CREATE AGGREGATE stats.norm(numeric) (SFUNC = stats.sum_sq_step, STYPE = numeric, FINALFUNC = stats.root, FINALFUNC_MODIFY = READ_ONLY, INITCOND = ''0'')')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE AGGREGATE stats.norm(numeric) (SFUNC = stats.sum_sq_step, STYPE = numeric, FINALFUNC = stats.root, FINALFUNC_MODIFY = READ_ONLY, INITCOND = '0');
\endif

-- [7/10] late-functions: create aggregate stats.rows_seen(*)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid WHERE n.nspname = 'stats' AND p.proname = 'rows_seen' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND 'CREATE AGGREGATE ' || CASE WHEN (SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace) = 'pg_catalog' THEN quote_ident(p.proname) ELSE quote_ident((SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace)) || '.' || quote_ident(p.proname) END
  || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END || ') ('
  || concat_ws(', ',
       'SFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggtransfn),
       'STYPE = ' || format_type(a.aggtranstype, NULL),
       CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggfinalfn) END,
       CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggcombinefn) END,
       CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggserialfn) END,
       CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggdeserialfn) END,
       CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmtransfn) END,
       CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggminvtransfn) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
       CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmfinalfn) END,
       CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
       CASE WHEN a.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = a.aggsortop) END,
       CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
       CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END)
  || ')' = 'CREATE AGGREGATE stats.rows_seen(*) (SFUNC = stats.count_step, STYPE = bigint, INITCOND = ''0'')')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE AGGREGATE stats.rows_seen(*) (SFUNC = stats.count_step, STYPE = bigint, INITCOND = '0');
\endif

-- [8/10] late-functions: create aggregate stats.sum_sq(numeric)
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid WHERE n.nspname = 'stats' AND p.proname = 'sum_sq' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric' AND 'CREATE AGGREGATE ' || CASE WHEN (SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace) = 'pg_catalog' THEN quote_ident(p.proname) ELSE quote_ident((SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace)) || '.' || quote_ident(p.proname) END
  || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END || ') ('
  || concat_ws(', ',
       'SFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggtransfn),
       'STYPE = ' || format_type(a.aggtranstype, NULL),
       CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggfinalfn) END,
       CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggcombinefn) END,
       CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggserialfn) END,
       CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggdeserialfn) END,
       CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmtransfn) END,
       CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggminvtransfn) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
       CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmfinalfn) END,
       CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
       CASE WHEN a.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = a.aggsortop) END,
       CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
       CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END)
  || ')' = 'CREATE AGGREGATE stats.sum_sq(numeric) (SFUNC = stats.sum_sq_step, STYPE = numeric, COMBINEFUNC = numeric_add, INITCOND = ''0'', PARALLEL = SAFE)')) AS needed \gset reconcile_
\if :reconcile_needed
CREATE AGGREGATE stats.sum_sq(numeric) (SFUNC = stats.sum_sq_step, STYPE = numeric, COMBINEFUNC = numeric_add, INITCOND = '0', PARALLEL = SAFE);
\endif

-- [9/10] late-functions: drop and create aggregate stats.total(integer) (its arguments, result or kind change)
-- lock: none
-- HAZARD (replace): aggregate stats.total(integer) changes its arguments, result or kind, which CREATE OR REPLACE cannot do: it is dropped and created again (without CASCADE: the drop fails if anything else depends on it)
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid WHERE n.nspname = 'stats' AND p.proname = 'total' AND pg_catalog.oidvectortypes(p.proargtypes) = 'integer' AND 'CREATE AGGREGATE ' || CASE WHEN (SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace) = 'pg_catalog' THEN quote_ident(p.proname) ELSE quote_ident((SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace)) || '.' || quote_ident(p.proname) END
  || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END || ') ('
  || concat_ws(', ',
       'SFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggtransfn),
       'STYPE = ' || format_type(a.aggtranstype, NULL),
       CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggfinalfn) END,
       CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggcombinefn) END,
       CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggserialfn) END,
       CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggdeserialfn) END,
       CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmtransfn) END,
       CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggminvtransfn) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
       CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmfinalfn) END,
       CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
       CASE WHEN a.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = a.aggsortop) END,
       CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
       CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END)
  || ')' = 'CREATE AGGREGATE stats.total(integer) (SFUNC = int4_sum, STYPE = bigint)')) AS needed \gset reconcile_
\if :reconcile_needed
DO $reconcile$ BEGIN PERFORM pg_catalog.set_config('check_function_bodies', 'off', true); EXECUTE 'DROP AGGREGATE "stats"."total"(integer)'; EXECUTE 'CREATE AGGREGATE stats.total(integer) (SFUNC = int4_sum, STYPE = bigint)'; END $reconcile$;
\endif

-- [10/10] views: create view stats.sample_norm
-- lock: none
SELECT (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'stats' AND c.relname = 'sample_norm' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['norm double precision', 'sum_sq numeric']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT stats.norm(v) AS norm,
    stats.sum_sq(v) AS sum_sq
   FROM stats.samples'))) AS needed \gset reconcile_
\if :reconcile_needed
CREATE VIEW "stats"."sample_norm" AS SELECT stats.norm(v) AS norm,
    stats.sum_sq(v) AS sum_sq
   FROM stats.samples;
\endif

-- verification: every planned object is present and valid
DO $reconcile$ DECLARE missing int := 0; BEGIN IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'stats' AND p.proname = 'count_step' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'bigint' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION stats.count_step(state bigint)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT state + 1 $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'stats' AND p.proname = 'pick_final' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text[], double precision, text' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION stats.pick_final(state text[], frac double precision, v text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT state[1] $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'stats' AND p.proname = 'root' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION stats.root(state numeric)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT sqrt(state::double precision) $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'stats' AND p.proname = 'sum_sq_step' AND p.prokind <> 'a' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric, numeric' AND CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END = 'CREATE OR REPLACE FUNCTION stats.sum_sq_step(state numeric, x numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ SELECT state + x * x $function$
')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid WHERE n.nspname = 'stats' AND p.proname = 'concat_all' AND pg_catalog.oidvectortypes(p.proargtypes) = 'text' AND 'CREATE AGGREGATE ' || CASE WHEN (SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace) = 'pg_catalog' THEN quote_ident(p.proname) ELSE quote_ident((SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace)) || '.' || quote_ident(p.proname) END
  || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END || ') ('
  || concat_ws(', ',
       'SFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggtransfn),
       'STYPE = ' || format_type(a.aggtranstype, NULL),
       CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggfinalfn) END,
       CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggcombinefn) END,
       CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggserialfn) END,
       CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggdeserialfn) END,
       CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmtransfn) END,
       CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggminvtransfn) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
       CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmfinalfn) END,
       CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
       CASE WHEN a.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = a.aggsortop) END,
       CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
       CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END)
  || ')' = 'CREATE AGGREGATE stats.concat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '''')')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid WHERE n.nspname = 'stats' AND p.proname = 'norm' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric' AND 'CREATE AGGREGATE ' || CASE WHEN (SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace) = 'pg_catalog' THEN quote_ident(p.proname) ELSE quote_ident((SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace)) || '.' || quote_ident(p.proname) END
  || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END || ') ('
  || concat_ws(', ',
       'SFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggtransfn),
       'STYPE = ' || format_type(a.aggtranstype, NULL),
       CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggfinalfn) END,
       CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggcombinefn) END,
       CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggserialfn) END,
       CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggdeserialfn) END,
       CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmtransfn) END,
       CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggminvtransfn) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
       CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmfinalfn) END,
       CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
       CASE WHEN a.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = a.aggsortop) END,
       CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
       CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END)
  || ')' = 'CREATE AGGREGATE stats.norm(numeric) (SFUNC = stats.sum_sq_step, STYPE = numeric, FINALFUNC = stats.root, FINALFUNC_MODIFY = READ_ONLY, INITCOND = ''0'')')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid WHERE n.nspname = 'stats' AND p.proname = 'rows_seen' AND pg_catalog.oidvectortypes(p.proargtypes) = '' AND 'CREATE AGGREGATE ' || CASE WHEN (SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace) = 'pg_catalog' THEN quote_ident(p.proname) ELSE quote_ident((SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace)) || '.' || quote_ident(p.proname) END
  || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END || ') ('
  || concat_ws(', ',
       'SFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggtransfn),
       'STYPE = ' || format_type(a.aggtranstype, NULL),
       CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggfinalfn) END,
       CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggcombinefn) END,
       CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggserialfn) END,
       CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggdeserialfn) END,
       CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmtransfn) END,
       CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggminvtransfn) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
       CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmfinalfn) END,
       CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
       CASE WHEN a.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = a.aggsortop) END,
       CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
       CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END)
  || ')' = 'CREATE AGGREGATE stats.rows_seen(*) (SFUNC = stats.count_step, STYPE = bigint, INITCOND = ''0'')')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid WHERE n.nspname = 'stats' AND p.proname = 'sum_sq' AND pg_catalog.oidvectortypes(p.proargtypes) = 'numeric' AND 'CREATE AGGREGATE ' || CASE WHEN (SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace) = 'pg_catalog' THEN quote_ident(p.proname) ELSE quote_ident((SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace)) || '.' || quote_ident(p.proname) END
  || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END || ') ('
  || concat_ws(', ',
       'SFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggtransfn),
       'STYPE = ' || format_type(a.aggtranstype, NULL),
       CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggfinalfn) END,
       CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggcombinefn) END,
       CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggserialfn) END,
       CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggdeserialfn) END,
       CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmtransfn) END,
       CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggminvtransfn) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
       CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmfinalfn) END,
       CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
       CASE WHEN a.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = a.aggsortop) END,
       CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
       CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END)
  || ')' = 'CREATE AGGREGATE stats.sum_sq(numeric) (SFUNC = stats.sum_sq_step, STYPE = numeric, COMBINEFUNC = numeric_add, INITCOND = ''0'', PARALLEL = SAFE)')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid WHERE n.nspname = 'stats' AND p.proname = 'total' AND pg_catalog.oidvectortypes(p.proargtypes) = 'integer' AND 'CREATE AGGREGATE ' || CASE WHEN (SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace) = 'pg_catalog' THEN quote_ident(p.proname) ELSE quote_ident((SELECT nspname FROM pg_namespace WHERE oid = p.pronamespace)) || '.' || quote_ident(p.proname) END
  || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END || ') ('
  || concat_ws(', ',
       'SFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggtransfn),
       'STYPE = ' || format_type(a.aggtranstype, NULL),
       CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggfinalfn) END,
       CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
       CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggcombinefn) END,
       CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggserialfn) END,
       CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggdeserialfn) END,
       CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmtransfn) END,
       CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggminvtransfn) END,
       CASE WHEN a.aggmtransfn <> 0 THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
       CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || (SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(fp.proname) ELSE quote_ident(fn.nspname) || '.' || quote_ident(fp.proname) END FROM pg_proc fp JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = a.aggmfinalfn) END,
       CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
       CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
       CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
       CASE WHEN a.aggsortop <> 0 THEN (SELECT 'SORTOP = OPERATOR(' || quote_ident(opn.nspname) || '.' || o.oprname || ')' FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = a.aggsortop) END,
       CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
       CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END)
  || ')' = 'CREATE AGGREGATE stats.total(integer) (SFUNC = int4_sum, STYPE = bigint)')) THEN missing := missing + 1; END IF; IF NOT (EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'stats' AND c.relname = 'sample_norm' AND c.relkind = 'v' AND ARRAY(SELECT o FROM unnest(coalesce(c.reloptions, '{}'::text[])) AS o ORDER BY o) = ARRAY[]::text[] AND ARRAY(SELECT a.attname::text || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) = ARRAY['norm double precision', 'sum_sq numeric']::text[] AND (pg_catalog.current_setting('server_version_num')::int < 160000 OR pg_catalog.rtrim(pg_catalog.btrim(pg_catalog.pg_get_viewdef(c.oid), E' \n'), ';') = 'SELECT stats.norm(v) AS norm,
    stats.sum_sq(v) AS sum_sq
   FROM stats.samples'))) THEN missing := missing + 1; END IF; IF missing > 0 THEN RAISE EXCEPTION 'pg-reconcile verification failed: % planned object(s) absent or invalid', missing; END IF; END $reconcile$;
