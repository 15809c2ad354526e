/**
 * A fresh database per test (file), cloned from the suite's template.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { resolveConnection, type Connection } from '../../src/db/connection.js';
import { inspectConnection } from '../../src/introspect/live.js';
import type { Schema } from '../../src/model/types.js';

const TEMPLATE_DB = 'reconcile_test_template';

export interface TestDb {
  readonly name: string;
  readonly url: string;
  readonly connection: Connection;
  /** Run SQL (several statements allowed) on a short-lived client. */
  exec(sql: string): Promise<void>;
  query<R extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  inspect(schemas?: string[]): Promise<Schema>;
  drop(): Promise<void>;
}

export function adminUrl(): string {
  return inject('pgAdminUrl');
}

export function serverVersion(): number {
  return Number(inject('pgVersion'));
}

export function urlFor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = '/' + encodeURIComponent(database);
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client(adminUrl());
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function createDatabase(prefix = 't'): Promise<TestDb> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await admin(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE "${name}" TEMPLATE ${TEMPLATE_DB}`);
        return;
      } catch (e) {
        // Two clones of one template at the same instant: "source database is being accessed".
        if ((e as { code?: string }).code !== '55006' || attempt > 20) throw e;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  });
  const url = urlFor(name);
  const connection = resolveConnection({ url });
  const withClient = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client(url);
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  return {
    name,
    url,
    connection,
    exec: (sql) => withClient(async (c) => void (await c.query(sql))),
    query: (sql, params) => withClient(async (c) => (await c.query(sql, params)).rows),
    inspect: async (schemas) => (await inspectConnection(connection, { schemas })).schema,
    drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}
