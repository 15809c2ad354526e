/**
 * Where to connect, taken as libpq users expect: `--url`, else `DATABASE_URL`,
 * else the `PG*` variables. TLS options (`sslmode`, `sslrootcert`, `PGSSLMODE`,
 * `PGSSLROOTCERT`) follow libpq's meaning. Passwords never leave this module in
 * any printable form: use `display` for messages.
 */
import { parse, toClientConfig } from 'pg-connection-string';
import type pg from 'pg';
import { ReconcileError } from '../errors.js';
import { pgpassFile, pgpassLookup } from './pgpass.js';

/** The error code of a connection the server wants a password for, when none was found. */
export const NO_PASSWORD = 'RECONCILE_NO_PASSWORD';

export const APPLICATION_NAME = 'pg-reconcile';

/**
 * Set on a config whose sslmode allows plain text when the server has no TLS
 * (prefer, allow). A symbol, so it survives `{ ...config }` copies and `pg` ignores it.
 */
export const PLAIN_FALLBACK: unique symbol = Symbol('pg-reconcile.plainFallback');

export interface Connection {
  /** Configuration for `pg`. Contains the password: never print it. */
  readonly config: pg.ClientConfig;
  /** `postgres://user@host:port/db` with no password, for messages. */
  readonly display: string;
}

export interface ConnectionInput {
  readonly url?: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
}

export function resolveConnection(input: ConnectionInput = {}): Connection {
  const env = input.env ?? process.env;
  // An empty DATABASE_URL (a blank line in a .env file) is unset, as libpq treats empty PG* variables.
  const url = input.url ?? (env['DATABASE_URL'] || undefined) ?? urlFromPgEnv(env);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ReconcileError('bad-input', `not a connection URL: ${redactUrl(url)}`, 'use postgres://user@host:5432/dbname');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ReconcileError('bad-input', `not a PostgreSQL URL: ${redactUrl(url)}`, 'use postgres://user@host:5432/dbname');
  }
  if (!parsed.searchParams.has('sslmode') && env['PGSSLMODE']) parsed.searchParams.set('sslmode', env['PGSSLMODE']);
  if (!parsed.searchParams.has('sslrootcert') && env['PGSSLROOTCERT']) {
    parsed.searchParams.set('sslrootcert', env['PGSSLROOTCERT']);
  }
  let config: pg.ClientConfig;
  try {
    config = toClientConfig(parse(parsed.toString(), { useLibpqCompat: true }));
  } catch (e) {
    throw new ReconcileError('bad-input', `cannot use connection ${redactUrl(url)}: ${(e as Error).message}`);
  }
  if (!config.user && env['PGUSER']) config.user = env['PGUSER'];
  // libpq's order: the URL, PGPASSWORD, then the password file. An empty password is none.
  if (!config.password) delete config.password;
  if (config.password === undefined && env['PGPASSWORD']) config.password = env['PGPASSWORD'];
  if (config.password === undefined) {
    const user = config.user ?? env['USER'] ?? '';
    const found = pgpassLookup({ host: config.host ?? 'localhost', port: Number(config.port ?? 5432), database: config.database ?? user, user }, env);
    // Asked for only when the server wants a password: a clear error instead of the driver's SCRAM message.
    config.password =
      found ??
      (async (): Promise<string> => {
        throw Object.assign(new Error(`no password given (looked in the URL, PGPASSWORD and ${pgpassFile(env)})`), { code: NO_PASSWORD });
      });
  }
  // sslmode=prefer and allow: TLS when the server offers it (not verified, as in libpq), else plain text.
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode === 'prefer' || sslmode === 'allow') {
    config.ssl = { ...(typeof config.ssl === 'object' ? config.ssl : {}), rejectUnauthorized: false };
    (config as Record<symbol, unknown>)[PLAIN_FALLBACK] = true;
  }
  config.application_name = parsed.searchParams.get('application_name') ?? APPLICATION_NAME;
  return { config, display: redactUrl(url) };
}

function urlFromPgEnv(env: NodeJS.ProcessEnv): string {
  const u = new URL('postgres://localhost');
  if (env['PGHOST']) u.hostname = env['PGHOST'];
  if (env['PGPORT']) u.port = env['PGPORT'];
  if (env['PGUSER']) u.username = encodeURIComponent(env['PGUSER']);
  u.pathname = '/' + encodeURIComponent(env['PGDATABASE'] ?? env['PGUSER'] ?? 'postgres');
  return u.toString();
}

/** Remove the password (user info and `password=` parameter) from a URL. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    for (const key of [...u.searchParams.keys()]) {
      if (key.toLowerCase() === 'password') u.searchParams.set(key, 'redacted');
    }
    return u.toString();
  } catch {
    // Not a URL: strip anything that looks like user:password@ before giving it back.
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1@').replace(/password=[^&\s]*/gi, 'password=redacted');
  }
}
