/**
 * Opening connections, with every failure turned into one clear line.
 */
import pg from 'pg';
import { ReconcileError } from '../errors.js';
import type { Connection } from './connection.js';

/** Something that runs a parameterized query: a `pg` pool or client, or a shadow. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface PoolOptions {
  /** Connections for concurrent catalog queries. */
  readonly max?: number;
  /** Settings for every session, sent at connection start (`-c name=value`). */
  readonly settings?: Readonly<Record<string, string>>;
}

/** Open a pool and prove it works with one round trip, mapping failures to `ReconcileError`. */
export async function openPool(conn: Connection, options: PoolOptions = {}): Promise<pg.Pool> {
  const pool = new pg.Pool({
    ...conn.config,
    options: withSettings(conn.config.options, options.settings),
    max: options.max ?? 4,
    connectionTimeoutMillis: 10_000,
  });
  // Idle clients that lose their server must not crash the process.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw connectionError(e, conn);
  }
  return pool;
}

/** Open a single client (for sessions that hold advisory locks or run DDL in order). */
export async function openClient(conn: Connection): Promise<pg.Client> {
  const client = new pg.Client({ ...conn.config, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    throw connectionError(e, conn);
  }
  return client;
}

/** Append `-c name=value` settings to libpq's `options` startup parameter. */
function withSettings(existing: string | undefined, settings: Readonly<Record<string, string>> = {}): string | undefined {
  const parts = Object.entries(settings).map(([k, v]) => `-c ${k}=${v.replace(/([\\ ])/g, '\\$1')}`);
  const all = [existing, ...parts].filter((x): x is string => !!x);
  return all.length > 0 ? all.join(' ') : undefined;
}

interface PgLikeError {
  code?: string;
  message?: string;
}

/** Turn a driver error at connect time into one line that never contains the password. */
export function connectionError(e: unknown, conn: Connection): ReconcileError {
  const err = (e ?? {}) as PgLikeError;
  const where = conn.display;
  const user = conn.config.user ?? 'the current user';
  switch (err.code) {
    case 'ECONNREFUSED':
      return new ReconcileError('connection', `connection refused by ${where}`, 'is the server running and the port right? check --url');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ReconcileError('connection', `unknown host in ${where}`, 'check the host name in --url');
    case 'ETIMEDOUT':
      return new ReconcileError('connection', `timed out connecting to ${where}`, 'check the host, port and firewall');
    case '28P01':
      return new ReconcileError('auth', `password authentication failed for user "${user}" at ${where}`, 'check the password in --url, PGPASSWORD or ~/.pgpass');
    case '28000':
      return new ReconcileError('auth', `role "${user}" may not connect to ${where}: ${err.message ?? ''}`.trim(), 'check the user name and pg_hba.conf');
    case '3D000':
      return new ReconcileError('not-found', `database in ${where} does not exist`, 'check the database name in --url');
    case '42501':
      return new ReconcileError('auth', `permission denied at ${where}: ${err.message ?? ''}`, 'connect as a role that may read the catalog');
    default: {
      const msg = (err.message ?? String(e)).split('\n')[0] ?? 'unknown error';
      if (/timeout/i.test(msg)) {
        return new ReconcileError('connection', `timed out connecting to ${where}`, 'check the host, port and firewall');
      }
      if (/SSL|certificate|self.signed/i.test(msg)) {
        return new ReconcileError('connection', `TLS failed for ${where}: ${msg}`, 'check sslmode and sslrootcert (or PGSSLMODE, PGSSLROOTCERT)');
      }
      return new ReconcileError('connection', `cannot connect to ${where}: ${scrub(msg, conn)}`);
    }
  }
}

/** Remove the password from any text, in case a driver echoes it. */
export function scrub(text: string, conn: Connection): string {
  const pw = typeof conn.config.password === 'string' ? conn.config.password : '';
  return pw ? text.split(pw).join('***') : text;
}
