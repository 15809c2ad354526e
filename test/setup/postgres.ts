/**
 * Starts the PostgreSQL server the whole suite uses, once:
 * - `TEST_DATABASE_URL`: an existing server (a superuser URL; databases are created on it);
 * - `RECONCILE_TEST_PG=docker`: a testcontainers PostgreSQL (needs Docker);
 * - otherwise the embedded binaries, version from `RECONCILE_TEST_PG_VERSION` (18 or 14).
 * Test files get a fresh database each from a template (see test/helpers/db.ts).
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbedded } from '../../src/embedded/server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgVersion: string;
  }
}

export const TEMPLATE_DB = 'reconcile_test_template';

interface Provider {
  url: string;
  stop(): Promise<void>;
}

async function dockerProvider(version: string): Promise<Provider> {
  const mod = '@testcontainers/postgresql';
  const { PostgreSqlContainer } = (await import(mod)) as typeof import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer(`postgres:${version}`).start();
  return { url: container.getConnectionUri(), stop: async () => void (await container.stop()) };
}

async function provider(version: string): Promise<Provider> {
  const given = process.env['TEST_DATABASE_URL'];
  if (given) return { url: given, stop: async () => undefined };
  if (process.env['RECONCILE_TEST_PG'] === 'docker') return dockerProvider(version);
  const server = await startEmbedded({ version });
  return { url: server.url, stop: () => server.stop() };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const version = process.env['RECONCILE_TEST_PG_VERSION'] ?? '18';
  const p = await provider(version);
  const client = new pg.Client(p.url);
  await client.connect();
  const actual = (await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]?.v ?? '';
  await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await client.query(`CREATE DATABASE ${TEMPLATE_DB} TEMPLATE template0 ENCODING 'UTF8'`);
  await client.end();
  process.stdout.write(`PostgreSQL ${actual} for tests\n`);
  project.provide('pgAdminUrl', p.url);
  project.provide('pgVersion', actual);
  return async () => {
    await p.stop();
  };
}
