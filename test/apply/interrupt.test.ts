/**
 * apply interrupted (SIGINT) while a long statement runs: the statement is
 * cancelled on the server, not left running; the tool exits 1 with one line,
 * and the next apply finishes. And rewrites run under a statement timeout
 * chosen from the table's size, which --rewrite-timeout overrides.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REWRITE_FLOOR_MS, rewriteBudgetMs } from '../../src/apply/timeout.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { runCli, startCli } from '../helpers/cli.js';
import { waitUntil } from '../helpers/wait.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-interrupt-'));

// A check whose every row costs a sleep of test.delay_ms (a database setting the test turns off later):
// the rows check (and VALIDATE CONSTRAINT) on 2,000 rows then take minutes.
const SLOW = `
CREATE FUNCTION public.slow_ok(a integer) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $f$
BEGIN
  PERFORM pg_sleep(coalesce(nullif(current_setting('test.delay_ms', true), ''), '0')::int / 1000.0);
  RETURN a IS NOT NULL;
END $f$;`;
const LIVE = `${SLOW}
CREATE TABLE public.items (id integer PRIMARY KEY, a integer NOT NULL);
INSERT INTO public.items SELECT g, g FROM generate_series(1, 2000) g;`;
const DECLARED = `${SLOW}
CREATE TABLE public.items (id integer PRIMARY KEY, a integer NOT NULL, CONSTRAINT items_a_ok CHECK (public.slow_ok(a)));`;

const REWRITE_LIVE = `CREATE TABLE public.big (id integer PRIMARY KEY, n integer NOT NULL, pad text NOT NULL);
INSERT INTO public.big SELECT g, g, repeat('x', 40) FROM generate_series(1, 200000) g;
ANALYZE public.big;`;
const REWRITE_DECLARED = `CREATE TABLE public.big (id integer PRIMARY KEY, n bigint NOT NULL, pad text NOT NULL);`;

describe('apply interrupted', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('SIGINT cancels the running statement on the server, exits 1 with one line, and the next apply finishes', async () => {
    const db = await createDatabase('interrupt');
    dbs.push(db);
    await db.exec(LIVE);
    const dbName = new URL(db.url).pathname.slice(1);
    await db.exec(`ALTER DATABASE "${dbName}" SET test.delay_ms = '50'`);
    const declaredFile = path.join(dir, 'slow.sql');
    writeFileSync(declaredFile, DECLARED);
    // apply's statement that checks the rows (then ADD ... NOT VALID, then VALIDATE), seen on the server; sleeping in slow_ok() once it scans.
    const running = async (sleeping: boolean): Promise<number> => {
      const rows = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_catalog.pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_catalog.pg_backend_pid() AND state = 'active'
            AND query ILIKE '%slow_ok%' AND query NOT ILIKE '%ADD CONSTRAINT%'${sleeping ? " AND wait_event = 'PgSleep'" : ''}`,
      );
      return rows[0]!.n;
    };
    const cli = startCli(['apply', '--url', db.url, '--from', declaredFile, '--no-rehearse']);
    await waitUntil(async () => (await running(true)) === 1, 'the rows check runs (sleeps) on the server', 60_000);
    cli.kill('SIGINT');
    const started = Date.now();
    await waitUntil(async () => (await running(false)) === 0, 'the statement is gone from pg_stat_activity', 15_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    const run = await cli.done;
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^reconcile: apply interrupted by SIGINT: statement \d+ of \d+ \(.*items_a_ok.*\) was cancelled on the server and rolled back; \d+ statement\(s\) done this run \(.*run apply again to finish\)$/);
    // The rows are counted before the constraint is added: cancelled there, the constraint is not added yet.
    const added = await db.query<{ convalidated: boolean }>("SELECT convalidated FROM pg_catalog.pg_constraint WHERE conname = 'items_a_ok'");
    expect(added).toEqual([]);
    // The run lock was released with the session: a second apply finishes (fast now).
    await db.exec(`ALTER DATABASE "${dbName}" RESET test.delay_ms`);
    const second = await runCli(['apply', '--url', db.url, '--from', declaredFile, '--no-rehearse']);
    expect(second.stderr).toBe('');
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout).toMatch(/verified: the live database matches the plan/);
    const [v] = await db.query<{ convalidated: boolean }>("SELECT convalidated FROM pg_catalog.pg_constraint WHERE conname = 'items_a_ok'");
    expect(v?.convalidated).toBe(true);
  }, 180_000);
});

describe('statement timeout of rewrites', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('is 30s plus 2 minutes per GiB', () => {
    expect(rewriteBudgetMs(0)).toBe(REWRITE_FLOOR_MS);
    expect(rewriteBudgetMs(1024 ** 3)).toBe(30_000 + 120_000);
    expect(rewriteBudgetMs(100 * 1024 ** 3)).toBe(30_000 + 100 * 120_000);
  });

  it('is chosen from the table size at apply time, and --rewrite-timeout overrides it', async () => {
    const db = await createDatabase('rwtimeout');
    dbs.push(db);
    await db.exec(REWRITE_LIVE);
    const declaredFile = path.join(dir, 'rewrite.sql');
    writeFileSync(declaredFile, REWRITE_DECLARED);
    const [size] = await db.query<{ bytes: string }>("SELECT pg_catalog.pg_total_relation_size('public.big')::text AS bytes");
    const common = ['apply', '--url', db.url, '--from', declaredFile, '--allow-hazards', 'rewrite', '--no-rehearse'];

    // 1 ms is too short for a rewrite of 200,000 rows: stopped, rolled back, and the message says what to do.
    const short = await runCli([...common, '--rewrite-timeout', '1ms']);
    expect(short.code, short.stdout + short.stderr).toBe(1);
    expect(short.stdout).toMatch(/stopped by its statement_timeout of 1ms \(--rewrite-timeout\), rolled back; give it longer with --rewrite-timeout DURATION/);
    const [still] = await db.query<{ t: string }>("SELECT format_type(atttypid, atttypmod) AS t FROM pg_catalog.pg_attribute WHERE attrelid = 'public.big'::regclass AND attname = 'n'");
    expect(still?.t).toBe('integer');

    // Default: from the size of the table and its indexes, announced as an event; the rewrite finishes.
    const ok = await runCli([...common, '--format', 'json']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const events = ok.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const timeouts = events.filter((e) => e['event'] === 'statement-timeout');
    expect(timeouts).toHaveLength(1);
    // The size is read again at apply time: autovacuum may have added a page or a map fork since.
    const bytes = Number(timeouts[0]!['tableBytes']);
    expect(timeouts[0]).toMatchObject({ from: 'table-size', timeoutMs: rewriteBudgetMs(bytes) });
    expect(Math.abs(bytes - Number(size!.bytes))).toBeLessThanOrEqual(256 * 1024);
    expect(Number(timeouts[0]!['tableRows'])).toBeGreaterThan(100_000);
    const [after] = await db.query<{ t: string }>("SELECT format_type(atttypid, atttypmod) AS t FROM pg_catalog.pg_attribute WHERE attrelid = 'public.big'::regclass AND attname = 'n'");
    expect(after?.t).toBe('bigint');
  });
});
