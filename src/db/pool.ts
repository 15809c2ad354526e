/**
 * Opening connections, with every failure turned into one clear line.
 */
import pg from 'pg';
import { ReconcileError } from '../errors.js';
import { NO_PASSWORD, PLAIN_FALLBACK, type Connection } from './connection.js';

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

/** Connect one client, closing it if the attempt fails (a failed client keeps its socket, and the process, alive). */
async function connectOnce(config: pg.ClientConfig): Promise<pg.Client> {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (e) {
    await client.end().catch(() => undefined);
    throw e;
  }
}

/** Connect, falling back to plain text when sslmode allows it and the server has no TLS. */
async function connect(conn: Connection, config: pg.ClientConfig): Promise<{ client: pg.Client; config: pg.ClientConfig }> {
  try {
    return { client: await connectOnce(config), config };
  } catch (e) {
    const noTls = /does not support SSL/i.test((e as PgLikeError)?.message ?? '');
    if (!noTls || !(config as Record<symbol, unknown>)[PLAIN_FALLBACK]) throw connectionError(e, conn);
    const plain = { ...config, ssl: false };
    try {
      return { client: await connectOnce(plain), config: plain };
    } catch (e2) {
      throw connectionError(e2, conn);
    }
  }
}

/**
 * Open a pool. One client connects first and is closed: a connection that fails
 * inside `pg.Pool` (a client-side SCRAM or TLS error) is dropped without closing
 * its socket, which would keep the process from ever exiting.
 */
export async function openPool(conn: Connection, options: PoolOptions = {}): Promise<pg.Pool> {
  const first = await connect(conn, { ...conn.config, options: withSettings(conn.config.options, options.settings) });
  await first.client.end().catch(() => undefined);
  const pool = new pg.Pool({ ...first.config, max: options.max ?? 4, connectionTimeoutMillis: 10_000 });
  // Idle clients that lose their server must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/** Open a single client (for sessions that hold advisory locks or run DDL in order). */
export async function openClient(conn: Connection): Promise<pg.Client> {
  return (await connect(conn, conn.config)).client;
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
    case NO_PASSWORD:
      return new ReconcileError('auth', `the server at ${where} asks for a password and none was given`, 'put it in the URL, PGPASSWORD or ~/.pgpass (PGPASSFILE)');
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
