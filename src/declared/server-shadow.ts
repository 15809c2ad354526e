/**
 * A shadow on a real server (`--shadow URL`): a temporary database created from
 * template0, used through one session, dropped at the end. Nothing else on that
 * server is touched (roles are never created there).
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { resolveConnection, type Connection } from '../db/connection.js';
import { openClient, type Queryable } from '../db/pool.js';
import { ReconcileError } from '../errors.js';
import { ident } from '../render/quote.js';
import type { Shadow } from './shadow.js';

/** A server shadow also says how to reach its temporary database (for a tool that connects itself, e.g. Django). */
export interface ServerShadow extends Shadow {
  readonly connection: Connection;
}

function forDatabase(conn: Connection, database: string): Connection {
  const display = (() => {
    try {
      const u = new URL(conn.display);
      u.pathname = '/' + encodeURIComponent(database);
      return u.toString();
    } catch {
      return `${conn.display} (database ${database})`;
    }
  })();
  return { config: { ...conn.config, database }, display };
}

export async function openServerShadow(url: string): Promise<ServerShadow> {
  const conn = resolveConnection({ url });
  const admin = await openClient(conn);
  const name = `reconcile_shadow_${randomBytes(6).toString('hex')}`;
  let version = '';
  try {
    version = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '';
    await admin.query(`CREATE DATABASE ${ident(name)} TEMPLATE template0`);
  } catch (e) {
    await admin.end().catch(() => undefined);
    const err = e as { code?: string; message?: string };
    const hint = err.code === '42501' ? 'the --shadow role needs the CREATEDB privilege' : undefined;
    throw new ReconcileError('source', `cannot create the shadow database on ${conn.display}: ${err.message ?? String(e)}`, hint);
  }
  const drop = async (): Promise<void> => {
    const major = Number(version.split('.')[0]) || 0;
    await admin.query(`DROP DATABASE IF EXISTS ${ident(name)}${major >= 13 ? ' WITH (FORCE)' : ''}`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  };
  const connection = forDatabase(conn, name);
  let client: pg.Client;
  try {
    client = await openClient(connection);
  } catch (e) {
    await drop();
    throw e;
  }
  // One session, used in order: the introspector's concurrent queries are queued here
  // (node-pg deprecates overlapping queries on one client).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const db: Queryable = {
    query: <R extends object>(text: string, params?: unknown[]) => serial(async () => ({ rows: (await client.query<R>(text, params)).rows })),
  };
  return {
    kind: 'server',
    connection,
    label: `temporary database ${name} on ${conn.display} (PostgreSQL ${version})`,
    db,
    exec: (sql) => serial(async () => void (await client.query(sql))),
    canCreateRoles: false,
    notices: [`shadow: created temporary database "${name}" on ${conn.display} (PostgreSQL ${version}) and dropped it after use`],
    close: async () => {
      await client.end().catch(() => undefined);
      await drop();
    },
  };
}
