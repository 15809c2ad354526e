/**
 * Small sources written for a test (a Django sqlmigrate tree, a drizzle-kit
 * folder), and the check that `status`, `verify` and `plan` tell the same story
 * about a database, run on the command line as a user would.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { TestDb } from '../helpers/db.js';
import { cli } from './helpers.js';

const dirs: string[] = [];
export function removeTrees(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A Django sqlmigrate tree: `{app: {migration: sql}}`, each file wrapped in BEGIN/COMMIT as sqlmigrate writes it, plan.txt in the given order. */
export function djangoTree(apps: Record<string, Record<string, string>>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-marks-dj-'));
  dirs.push(dir);
  const plan: string[] = [];
  for (const [app, migrations] of Object.entries(apps)) {
    mkdirSync(path.join(dir, app));
    for (const [name, sql] of Object.entries(migrations)) {
      writeFileSync(path.join(dir, app, `${name}.sql`), `BEGIN;\n${sql}\nCOMMIT;\n`);
      plan.push(`[ ]  ${app}.${name}`);
    }
  }
  writeFileSync(path.join(dir, 'plan.txt'), plan.join('\n') + '\n');
  return dir;
}

export interface DrizzleEntry {
  readonly tag: string;
  readonly when: number;
  readonly sql: string;
}

/** A drizzle-kit folder (journal version 7, as drizzle-kit 0.x writes it). */
export function drizzleFolder(entries: readonly DrizzleEntry[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-marks-dz-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'meta'));
  const journal = { version: '7', dialect: 'postgresql', entries: entries.map((e, idx) => ({ idx, version: '7', when: e.when, tag: e.tag, breakpoints: true })) };
  writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal, null, 2));
  for (const e of entries) writeFileSync(path.join(dir, `${e.tag}.sql`), e.sql);
  return dir;
}

interface StatusDoc {
  migrations: { key: string; mark: string; status: string; reason: string }[];
  inSync: boolean;
}

interface PlanDoc {
  statements: { phase: string; description: string }[];
  notes: { level: string; message: string }[];
}

export interface Agreement {
  readonly exit: number;
  /** `[mark] key` per migration, from `status --format json`. */
  readonly marks: readonly string[];
  /** Migrations the plan records, in order. */
  readonly recorded: readonly string[];
  readonly verify: string;
  readonly plan: PlanDoc;
}

/**
 * `status`, `verify` and `plan` on one database: the same exit code; every
 * migration `status` does not count as settled is named by `verify`; every
 * `[R]` migration `status` calls present or inferred is recorded by the plan,
 * and the plan records nothing else that is unrecorded now but `[ ]` pending.
 */
export async function agree(db: TestDb, from: string, ledger?: string): Promise<Agreement> {
  const extra = ledger ? ['--ledger', ledger] : [];
  const st = await cli('status', '--url', db.url, '--from', from, '--format', 'json', ...extra);
  const vf = await cli('verify', '--url', db.url, '--from', from, ...extra);
  const pl = await cli('plan', '--url', db.url, '--from', from, '--format', 'json', ...extra);
  expect(st.stderr.split('\n').filter((l) => l.startsWith('reconcile:') && !l.includes('skipped'))).toEqual([]);
  const doc = JSON.parse(st.stdout) as StatusDoc;
  const plan = JSON.parse(pl.stdout) as PlanDoc;
  expect({ status: st.code, verify: vf.code, plan: pl.code }).toEqual({ status: st.code, verify: st.code, plan: st.code });
  const recorded = plan.statements.filter((s) => s.phase === 'ledger').flatMap((s) => /^record (\S+) as applied/.exec(s.description)?.[1] ?? []);
  const settled = new Set(['verified', 'present', 'unverifiable']);
  for (const m of doc.migrations) {
    if (!settled.has(m.status) && ledger !== 'none') expect(vf.stdout, `verify names ${m.key}`).toContain(m.key);
    const presentOrInferred = m.mark === 'R' && (m.reason.startsWith('present but not recorded') || m.reason.startsWith('inferred:'));
    if (presentOrInferred) expect(recorded, `plan records ${m.key}`).toContain(m.key);
  }
  if (st.code === 0) expect(vf.stdout).toMatch(/^in sync: /);
  return { exit: st.code, marks: doc.migrations.map((m) => `[${m.mark}] ${m.key}`), recorded, verify: vf.stdout, plan };
}
