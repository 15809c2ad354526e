/**
 * Ledger test states, built the way they happen: the migration SQL files of
 * schemas/chat replayed on a fresh database, ledger rows inserted as the tools
 * insert them, and the incident's hand-written tables.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { migrationStatus } from '../../src/api/status.js';
import { planRepair } from '../../src/api/plan.js';
import { main } from '../../src/cli/program.js';
import type { LedgerChoice } from '../../src/ledger/index.js';
import { renderStatusText, type StatusReport } from '../../src/ledger/report.js';
import type { HazardKind, Plan } from '../../src/plan/index.js';
import { renderPlanSql } from '../../src/render/plan-sql.js';
import type { TestDb } from '../helpers/db.js';
import { runScript } from '../helpers/script.js';
import { HAND_WRITTEN } from '../../src/demo/incident.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DJANGO_TREE = path.join(ROOT, 'schemas/chat/django');
export const DRIZZLE_FOLDER = path.join(ROOT, 'schemas/chat/drizzle-migrations');

/** Migration keys in plan.txt order. */
export const DJANGO_PLAN: readonly string[] = readFileSync(path.join(DJANGO_TREE, 'plan.txt'), 'utf8')
  .split('\n')
  .map((l) => /\]\s+(\S+)/.exec(l)?.[1])
  .filter((k): k is string => k !== undefined);

export const djangoSql = (key: string): string => {
  const [app, name] = key.split('.') as [string, string];
  return readFileSync(path.join(DJANGO_TREE, app, `${name}.sql`), 'utf8');
};

/** `django_migrations` as Django 3.2 creates it on PostgreSQL. */
export const DJANGO_LEDGER_DDL =
  'CREATE TABLE "django_migrations" ("id" serial NOT NULL PRIMARY KEY, "app" varchar(255) NOT NULL, "name" varchar(255) NOT NULL, "applied" timestamp with time zone NOT NULL);';

export async function replayDjango(db: TestDb, keys: readonly string[]): Promise<void> {
  for (const k of keys) await db.exec(djangoSql(k));
}

export async function recordDjango(db: TestDb, keys: readonly string[]): Promise<void> {
  await db.exec(`${DJANGO_LEDGER_DDL.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS')}`);
  for (const k of keys) {
    const [app, name] = k.split('.');
    await db.query('INSERT INTO django_migrations (app, name, applied) VALUES ($1, $2, now())', [app, name]);
  }
}

/** The seed's hand-written tables (../shared/seeds/000_0013ef76105f1202.txt), verbatim: the demo's copy. */
export const INCIDENT_SQL = HAND_WRITTEN;

interface JournalEntry {
  tag: string;
  when: number;
}

export const DRIZZLE_JOURNAL: readonly JournalEntry[] = (
  JSON.parse(readFileSync(path.join(DRIZZLE_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] }
).entries;

export const drizzleFile = (tag: string): string => readFileSync(path.join(DRIZZLE_FOLDER, `${tag}.sql`), 'utf8');
export const drizzleHash = (tag: string): string => createHash('sha256').update(drizzleFile(tag)).digest('hex');
export const drizzleWhen = (tag: string): number => {
  const e = DRIZZLE_JOURNAL.find((x) => x.tag === tag);
  if (!e) throw new Error(`no journal entry ${tag}`);
  return e.when;
};

/** What drizzle-orm's migrate() creates before it applies anything. */
export const DRIZZLE_LEDGER_DDL =
  'CREATE SCHEMA IF NOT EXISTS "drizzle"; CREATE TABLE IF NOT EXISTS "drizzle"."__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);';

export async function replayDrizzle(db: TestDb, tags: readonly string[]): Promise<void> {
  for (const t of tags) await db.exec(drizzleFile(t));
}

export async function recordDrizzle(db: TestDb, tags: readonly string[], hash: (tag: string) => string = drizzleHash): Promise<void> {
  await db.exec(DRIZZLE_LEDGER_DDL);
  for (const t of tags) await db.query('INSERT INTO "drizzle"."__drizzle_migrations" ("hash", "created_at") VALUES ($1, $2)', [hash(t), drizzleWhen(t)]);
}

export async function status(db: TestDb, from: string, ledger: LedgerChoice = 'auto'): Promise<StatusReport> {
  return migrationStatus({ url: db.url, from, ledger });
}

/** The migration lines of the text report (`[X] name  reason`), without the detail lines. */
export function markLines(r: StatusReport): string[] {
  return renderStatusText(r)
    .split('\n')
    .filter((l) => /^ \[[XFP~R ?]\] /.test(l))
    .map((l) => l.trimEnd());
}

export function text(r: StatusReport): string {
  return renderStatusText(r);
}

/** Plan with the ledger fix, run the script like psql, return the plan. */
export async function repair(
  db: TestDb,
  from: string,
  options: { allowHazards?: HazardKind[]; ledger?: LedgerChoice; prune?: boolean } = {},
): Promise<{ plan: Plan; script: string }> {
  const result = await planRepair({
    url: db.url,
    from,
    options: { allowHazards: options.allowHazards ?? [] },
    ledger: { choice: options.ledger ?? 'auto', prune: options.prune ?? false },
  });
  const script = renderPlanSql(result.plan, result.header);
  await runScript(db.url, script);
  return { plan: result.plan, script };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'reconcile', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
