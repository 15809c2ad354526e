/**
 * Rehearsal: apply runs the plan on a copy of the live schema (no data) in the
 * shadow first, and refuses (exit 3) before touching the live database when a
 * statement fails there.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRepair } from '../../src/api/plan.js';
import { rehearse } from '../../src/apply/rehearse.js';
import { runCli } from '../helpers/cli.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { DECLARED, LIVE } from './fixtures.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-rehearse-'));
const declaredFile = path.join(dir, 'declared.sql');
writeFileSync(declaredFile, DECLARED);

describe('rehearsal', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('runs the plan on a copy and finds nothing wrong with a good plan; apply says so', async () => {
    const db = await createDatabase('rehearse');
    dbs.push(db);
    await db.exec(LIVE);
    const planned = await planRepair({ url: db.url, from: declaredFile });
    expect(planned.plan.statements.length).toBeGreaterThan(0);
    const r = await rehearse({ live: planned.live.schema, declared: planned.declared.schema, plan: planned.plan, serverVersion: planned.live.serverVersion });
    expect(r.skipped).toBeNull();
    expect(r.failed).toEqual([]);
    expect(r.left).toEqual([]);
    expect(r.tables).toBeGreaterThan(0);
    const run = await runCli(['apply', '--url', db.url, '--from', declaredFile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/rehearsed on a copy of \d+ table\(s\) without data .*every statement ran and nothing the plan repairs is left/);
  });

  it('copies a sequence owned by a table the plan does not touch without its OWNED BY (the rehearsal is not skipped)', async () => {
    const db = await createDatabase('rehearse-seq');
    dbs.push(db);
    await db.exec('CREATE TABLE untouched (id serial PRIMARY KEY); CREATE TABLE notes (id bigint PRIMARY KEY);');
    const file = path.join(dir, 'owned-seq.sql');
    writeFileSync(file, 'CREATE TABLE untouched (id serial PRIMARY KEY); CREATE TABLE notes (id bigint PRIMARY KEY, body text);');
    const planned = await planRepair({ url: db.url, from: file });
    expect(planned.plan.statements.map((s) => s.description)).toEqual(['add column public.notes.body']);
    const r = await rehearse({ live: planned.live.schema, declared: planned.declared.schema, plan: planned.plan, serverVersion: planned.live.serverVersion });
    expect(r.skipped).toBeNull();
    expect(r.failed).toEqual([]);
  });

  it('refuses with exit 3, the live database untouched, when a statement fails on the copy', async () => {
    const db = await createDatabase('rehearse-bad');
    dbs.push(db);
    await db.exec(LIVE);
    const planFile = path.join(dir, `plan-${db.name}.json`);
    expect((await runCli(['plan', '--url', db.url, '--from', declaredFile, '--out', planFile])).code).toBe(2);
    const doc = JSON.parse(readFileSync(planFile, 'utf8')) as { statements: { sql: string; description: string }[] };
    const last = doc.statements.length - 1;
    doc.statements[last]!.sql = 'ALTER TABLE public.calls ADD CONSTRAINT';
    writeFileSync(planFile, JSON.stringify(doc));
    const before = await db.inspect();
    const run = await runCli(['apply', '--url', db.url, '--plan', planFile, '--force']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/the rehearsal on a copy of the live schema failed, so the live database was not touched: .*syntax error/);
    expect(await db.inspect()).toEqual(before);
    // Without the rehearsal the same plan starts, and stops at the broken statement.
    const unrehearsed = await runCli(['apply', '--url', db.url, '--plan', planFile, '--force', '--no-rehearse']);
    expect(unrehearsed.code).toBe(1);
    expect(unrehearsed.stderr).toMatch(/syntax error/);
  });
});
