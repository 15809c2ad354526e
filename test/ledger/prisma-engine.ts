/**
 * What Prisma's schema engine does to a PostgreSQL database, step for step, for
 * building ledger states (the Prisma CLI cannot fetch its engines here). Each
 * function follows one file of prisma/prisma-engines:
 *
 * - `PRISMA_LEDGER_DDL`: `schema-engine/connectors/sql-schema-connector/src/flavour/postgres.rs`
 *   (`create_migrations_table`), verbatim;
 * - `migrateDeploy`: `schema-engine/core/src/commands/apply_migrations.rs` (refuse on a failed
 *   row, apply the migrations with no row not rolled back, in folder order) with the row writes
 *   of `schema-engine/connectors/sql-schema-connector/src/sql_migration_persistence.rs`
 *   (`record_migration_started`, `record_successful_step`, `record_migration_finished`,
 *   `record_failed_step`) and its `initialize` (a database with tables but no ledger: P3005);
 * - `resolveApplied`: `schema-engine/core/src/commands/mark_migration_applied.rs` with
 *   `mark_migration_applied_impl` (logs '', started_at = finished_at, applied_steps_count 0);
 * - `resolveRolledBack`: `mark_migration_rolled_back_by_id` (rolled_back_at = now());
 * - checksums: `schema-engine/connectors/schema-connector/src/checksum.rs` (sha256, hex).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestDb } from '../helpers/db.js';

export const PRISMA_LEDGER_DDL = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

export interface PrismaLedgerRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

/** Folder names in the CLI's order (packages/migrate/src/utils/listMigrations.ts). */
export const migrationNames = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));

export const migrationScript = (dir: string, name: string): string => readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
export const prismaChecksum = (script: string): string => createHash('sha256').update(script).digest('hex');

async function withClient<T>(db: TestDb, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client(db.url);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const hasLedger = async (c: pg.Client): Promise<boolean> =>
  (await c.query<{ t: string | null }>("SELECT to_regclass('_prisma_migrations')::text AS t")).rows[0]?.t !== null;

export async function ledgerRows(db: TestDb): Promise<PrismaLedgerRow[]> {
  return db.query<PrismaLedgerRow>('SELECT * FROM _prisma_migrations ORDER BY started_at, id');
}

export class PrismaError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** `prisma migrate deploy`: returns the names it applied; throws PrismaError P3005, P3009 or P3018 as the engine does. */
export async function migrateDeploy(db: TestDb, dir: string, only?: readonly string[]): Promise<string[]> {
  return withClient(db, async (c) => {
    if (!(await hasLedger(c))) {
      const tables = await c.query("SELECT 1 FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace WHERE t.relkind = 'r' AND n.nspname = 'public'");
      if (tables.rowCount !== 0) throw new PrismaError('P3005', 'The database schema is not empty.');
      await c.query(PRISMA_LEDGER_DDL);
    }
    const rows = (await c.query<PrismaLedgerRow>('SELECT * FROM _prisma_migrations ORDER BY started_at')).rows;
    const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed.length > 0) throw new PrismaError('P3009', `migrate found failed migrations in the target database: ${failed.map((f) => f.migration_name).join(', ')}`);
    const applied: string[] = [];
    for (const name of migrationNames(dir)) {
      if (only && !only.includes(name)) continue;
      if (rows.some((r) => r.rolled_back_at === null && r.migration_name === name)) continue;
      const script = migrationScript(dir, name);
      const id = randomUUID();
      await c.query('INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES ($1, $2, now(), $3)', [id, prismaChecksum(script), name]);
      try {
        await c.query(script); // one simple query: one implicit transaction
      } catch (e) {
        const err = e as { code?: string; message: string };
        const logs = `A migration failed to apply. New migrations cannot be applied before the error is recovered from.\n\nMigration name: ${name}\n\nDatabase error code: ${err.code}\n\nDatabase error:\nERROR: ${err.message}\n`;
        await c.query('UPDATE _prisma_migrations SET logs = $2 WHERE id = $1', [id, logs]);
        throw new PrismaError('P3018', `${name}: ${err.message}`);
      }
      await c.query('UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1 WHERE id = $1', [id]);
      await c.query('UPDATE _prisma_migrations SET finished_at = now() WHERE id = $1', [id]);
      applied.push(name);
    }
    return applied;
  });
}

/** `prisma migrate resolve --applied NAME` (the seed's `--fake`). */
export async function resolveApplied(db: TestDb, dir: string, name: string): Promise<void> {
  await withClient(db, async (c) => {
    if (!(await hasLedger(c))) await c.query(PRISMA_LEDGER_DDL);
    const rows = (await c.query<PrismaLedgerRow>('SELECT * FROM _prisma_migrations WHERE migration_name = $1', [name])).rows;
    if (rows.some((r) => r.finished_at !== null)) throw new PrismaError('P3008', `The migration \`${name}\` is already recorded as applied in the database.`);
    for (const r of rows.filter((x) => x.finished_at === null && x.rolled_back_at === null)) {
      await c.query('UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = $1', [r.id]);
    }
    await c.query("INSERT INTO _prisma_migrations (id, checksum, logs, started_at, finished_at, migration_name) VALUES ($1, $2, '', now(), now(), $3)", [
      randomUUID(),
      prismaChecksum(migrationScript(dir, name)),
      name,
    ]);
  });
}

/** `prisma migrate resolve --rolled-back NAME`: only a failed migration can be rolled back. */
export async function resolveRolledBack(db: TestDb, name: string): Promise<void> {
  await withClient(db, async (c) => {
    const rows = (await c.query<PrismaLedgerRow>('SELECT * FROM _prisma_migrations WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL', [name])).rows;
    if (rows.length === 0) throw new PrismaError('P3011', `Migration ${name} cannot be rolled back because it was never applied to the database.`);
    for (const r of rows) await c.query('UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = $1', [r.id]);
  });
}
