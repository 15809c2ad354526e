/**
 * The lock report's one catalog query: `pg_stat_activity`, `pg_locks` (read
 * once), `pg_blocking_pids` for waiting sessions only, the requested relations
 * and prepared transactions, aggregated into one row of JSON so that every part
 * comes from the same statement and the same session (whose own pid is left out).
 * Parameters: `$1 text[]` schemas and `$2 text[]` names of relations to check.
 */

/** Whole milliseconds from `expr` to the report's clock, never negative; `null` stays `null`. */
function ms(expr: string): string {
  // greatest() skips NULLs, so keep NULL explicitly (no transaction is not a transaction of 0 ms).
  return `(CASE WHEN ${expr} IS NULL THEN NULL ELSE greatest(0, round((extract(epoch FROM (me.taken_at - ${expr})) * 1000)::numeric)) END)::float8`;
}

const SESSION_COLUMNS = `
    a.pid,
    a.datid::int8 AS datid,
    a.datname::text AS database,
    a.usename::text AS "user",
    a.application_name,
    host(a.client_addr) AS client_addr,
    a.client_port,
    a.backend_type,
    a.state,
    a.wait_event_type,
    a.wait_event,
    a.query,
    ${ms('a.backend_start')} AS backend_ms,
    ${ms('a.xact_start')} AS xact_ms,
    ${ms('a.query_start')} AS query_ms,
    ${ms('a.state_change')} AS state_ms,
    (a.backend_type IS NULL AND a.query = '<insufficient privilege>') AS hidden`;

export const LOCK_REPORT_SQL = `
WITH me AS MATERIALIZED (
  SELECT pg_catalog.pg_backend_pid() AS pid,
         current_user::text AS role,
         pg_catalog.current_database()::text AS database,
         (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()) AS dboid,
         pg_catalog.current_setting('server_version_num')::int AS server_version,
         coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user), false) AS superuser,
         pg_catalog.pg_has_role('pg_read_all_stats', 'USAGE') AS read_all_stats,
         pg_catalog.pg_has_role('pg_signal_backend', 'USAGE') AS signal_backend,
         pg_catalog.clock_timestamp() AS taken_at
),
lk AS MATERIALIZED (
  SELECT l.pid,
         l.locktype,
         l.mode,
         l.granted,
         l.relation::int8 AS relation_oid,
         n.nspname::text AS schema,
         c.relname::text AS name,
         l.transactionid::text AS transactionid,
         ${ms('l.waitstart')} AS wait_ms
  FROM pg_catalog.pg_locks l
  CROSS JOIN me
  LEFT JOIN pg_catalog.pg_class c ON c.oid = l.relation AND l.database IN (0, me.dboid)
  LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE l.pid IS NOT NULL
    AND l.pid <> me.pid
    AND l.mode <> 'SIReadLock'
    AND (l.database IS NULL OR l.database IN (0, me.dboid))
    AND (NOT l.granted
         OR (l.locktype = 'relation'
             AND (n.nspname IS NULL
                  OR (n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%')
                  OR l.mode NOT IN ('AccessShareLock', 'RowShareLock', 'RowExclusiveLock'))))
),
sa AS MATERIALIZED (
  SELECT ${SESSION_COLUMNS}
  FROM pg_catalog.pg_stat_activity a
  CROSS JOIN me
  WHERE a.pid <> me.pid
),
act AS MATERIALIZED (
  SELECT sa.*,
         CASE WHEN EXISTS (SELECT 1 FROM lk WHERE lk.pid = sa.pid AND NOT lk.granted)
              THEN pg_catalog.pg_blocking_pids(sa.pid) ELSE '{}'::int[] END AS blocked_by
  FROM sa CROSS JOIN me
  WHERE sa.datid = me.dboid
),
sessions AS (
  SELECT * FROM act
  UNION ALL
  SELECT sa.*, '{}'::int[] AS blocked_by
  FROM sa CROSS JOIN me
  WHERE sa.datid IS DISTINCT FROM me.dboid
    AND sa.pid IN (SELECT unnest(act.blocked_by) FROM act)
),
req AS (
  SELECT r.ord, r.schema, r.name, c.oid::int8 AS oid
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS r(schema, name, ord)
  LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = r.schema
  LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = r.name
),
prep AS (
  SELECT p.gid, p.owner::text AS owner, p.transaction::text AS xid, ${ms('p.prepared')} AS age_ms
  FROM pg_catalog.pg_prepared_xacts p CROSS JOIN me
  WHERE p.database = me.database
)
SELECT (SELECT row_to_json(me) FROM me) AS me,
       (SELECT coalesce(json_agg(s ORDER BY s.pid), '[]'::json) FROM sessions s) AS sessions,
       (SELECT coalesce(json_agg(lk ORDER BY lk.pid, lk.granted DESC, lk.schema, lk.name, lk.relation_oid, lk.mode), '[]'::json)
          FROM lk WHERE lk.pid IN (SELECT pid FROM sessions)) AS locks,
       (SELECT coalesce(json_agg(req ORDER BY req.ord), '[]'::json) FROM req) AS requested,
       (SELECT coalesce(json_agg(prep ORDER BY prep.gid), '[]'::json) FROM prep) AS prepared
`;

export interface MeRow {
  pid: number;
  role: string;
  database: string;
  dboid: number;
  server_version: number;
  superuser: boolean;
  read_all_stats: boolean;
  signal_backend: boolean;
  taken_at: string;
}

export interface SessionRow {
  pid: number;
  datid: number | null;
  database: string | null;
  user: string | null;
  application_name: string | null;
  client_addr: string | null;
  client_port: number | null;
  backend_type: string | null;
  state: string | null;
  wait_event_type: string | null;
  wait_event: string | null;
  query: string | null;
  backend_ms: number | null;
  xact_ms: number | null;
  query_ms: number | null;
  state_ms: number | null;
  hidden: boolean;
  blocked_by: number[];
}

export interface LockRow {
  pid: number;
  locktype: string;
  mode: string;
  granted: boolean;
  relation_oid: number | null;
  schema: string | null;
  name: string | null;
  transactionid: string | null;
  wait_ms: number | null;
}

export interface RequestedRow {
  ord: number;
  schema: string;
  name: string;
  oid: number | null;
}

export interface PreparedRow {
  gid: string;
  owner: string;
  xid: string;
  age_ms: number | null;
}

export interface ReportRow {
  me: MeRow;
  sessions: SessionRow[];
  locks: LockRow[];
  requested: RequestedRow[];
  prepared: PreparedRow[];
}
