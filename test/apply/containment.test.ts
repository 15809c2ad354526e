/**
 * A failing statement stops only the statements that need it: the independent
 * rest of the plan runs, the run ends with exit 1 naming what failed and what
 * did not run, and a second run after the cause is fixed finishes the job.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createDatabase, type TestDb } from '../helpers/db.js';

const DECLARED = `
CREATE TABLE payments (id integer PRIMARY KEY, amount numeric NOT NULL, CONSTRAINT payments_amount_positive CHECK (amount > 0));
CREATE INDEX payments_amount_idx ON payments (amount);
CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL, region text);
CREATE INDEX customers_region_idx ON customers (region);
CREATE TABLE notes (id integer PRIMARY KEY, body text);
`;
const LIVE = `
CREATE TABLE payments (id integer PRIMARY KEY, amount numeric NOT NULL);
INSERT INTO payments VALUES (1, 10), (2, -5), (3, 7);
CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL, region text);
INSERT INTO customers SELECT g, 'c' || g || '@x.org', 'r' || (g % 4) FROM generate_series(1, 30) g;
`;

describe('apply contains failures', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('runs what does not need the failed statement, lists what did not run, and finishes once the cause is fixed', async () => {
    const db = await createDatabase('contain');
    dbs.push(db);
    await db.exec(LIVE);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-contain-'));
    const declared = path.join(dir, 'declared.sql');
    writeFileSync(declared, DECLARED);

    const first = await runCli(['apply', '--url', db.url, '--from', declared]);
    expect(first.code).toBe(1);
    // One line on stderr naming the first failure (the row that violates the check).
    expect(first.stderr.trim().split('\n')).toHaveLength(1);
    expect(first.stderr).toMatch(/check payments_amount_positive on public\.payments cannot be validated: rows violate .*: 1 row\(s\)/);
    expect(first.stdout).toMatch(/not done \(\d+ of \d+\):/);
    expect(first.stdout).toMatch(/validate check payments_amount_positive on public\.payments: not run: it needs "check rows of public\.payments against payments_amount_positive", which failed/);
    // The independent statements ran: the other table's index and the new table exist.
    const [ix] = await db.query<{ n: string }>("SELECT count(*)::text AS n FROM pg_indexes WHERE indexname IN ('customers_region_idx')");
    expect(ix?.n).toBe('1');
    const [tb] = await db.query<{ t: string | null }>("SELECT to_regclass('public.notes')::text AS t");
    expect(tb?.t).toBe('notes');
    // The failed repair's own later steps did not run: the payments index comes after the failure on the same table.
    const [pix] = await db.query<{ n: string }>("SELECT count(*)::text AS n FROM pg_indexes WHERE indexname = 'payments_amount_idx'");
    expect(pix?.n).toBe('0');

    await db.exec('DELETE FROM payments WHERE amount <= 0');
    const second = await runCli(['apply', '--url', db.url, '--from', declared]);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect((await runCli(['verify', '--url', db.url, '--from', declared])).code).toBe(0);
  });
});
