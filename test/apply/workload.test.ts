/**
 * The application keeps running during apply: a workload of inserts, updates
 * and selects on the tables being repaired, with every query's latency
 * measured. No query may wait longer than the lock timeout plus a margin, and
 * none may fail.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';
import { waitUntil } from '../helpers/wait.js';
import { DECLARED, LIVE } from './fixtures.js';

const LOCK_TIMEOUT_MS = 500;
const MARGIN_MS = 750;

interface Workload {
  /** Queries finished so far. */
  count(): number;
  stop(): Promise<{ latencies: number[]; errors: string[] }>;
}

function startWorkload(url: string, clients: number): Workload {
  let running = true;
  const latencies: number[] = [];
  const errors: string[] = [];
  const loops = Array.from({ length: clients }, async (_, worker) => {
    const c = new pg.Client(url);
    await c.connect();
    let n = 0;
    try {
      while (running) {
        n++;
        const id = 1_000_000 + worker * 1_000_000 + n;
        const queries: [string, unknown[]][] = [
          ['INSERT INTO calls (id, caller_id, room_id, status) VALUES ($1, $2, $3, $4)', [id, 1 + (n % 2000), 1 + (n % 50), 'ringing']],
          ['SELECT count(*) FROM calls WHERE caller_id = $1', [1 + (n % 2000)]],
          ['UPDATE users SET email = email WHERE id = $1', [1 + (n % 2000)]],
        ];
        for (const [sql, params] of queries) {
          const t = performance.now();
          try {
            await c.query(sql, params);
          } catch (e) {
            errors.push((e as Error).message);
          }
          latencies.push(performance.now() - t);
        }
      }
    } finally {
      await c.end();
    }
  });
  return {
    count: () => latencies.length,
    async stop() {
      running = false;
      await Promise.all(loops);
      return { latencies, errors };
    },
  };
}

describe('apply under a live workload', () => {
  let db: TestDb;
  afterAll(async () => db?.drop());

  it(`keeps every workload query under the lock timeout (${LOCK_TIMEOUT_MS}ms) plus ${MARGIN_MS}ms`, async () => {
    db = await createDatabase('workload');
    await db.exec(LIVE);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-workload-'));
    const declaredFile = path.join(dir, 'declared.sql');
    writeFileSync(declaredFile, DECLARED);
    const planFile = path.join(dir, 'plan.json');
    await runCli(['plan', '--url', db.url, '--from', declaredFile, '--out', planFile]);
    const workload = startWorkload(db.url, 6);
    // Start once every client has run queries, and stop once more have run after the repair.
    await waitUntil(() => workload.count() >= 60, 'the workload runs');
    const run = await runCli(['apply', '--url', db.url, '--plan', planFile, '--force', '--lock-timeout', `${LOCK_TIMEOUT_MS}ms`, '--retries', '20']);
    const atEnd = workload.count();
    await waitUntil(() => workload.count() >= atEnd + 60, 'the workload runs after the repair');
    const { latencies, errors } = await workload.stop();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(errors).toEqual([]);
    latencies.sort((a, b) => a - b);
    const max = latencies[latencies.length - 1] ?? 0;
    const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
    process.stdout.write(`workload: ${latencies.length} queries, p99 ${p99.toFixed(1)}ms, max ${max.toFixed(1)}ms\n`);
    expect(latencies.length).toBeGreaterThan(100);
    expect(max).toBeLessThan(LOCK_TIMEOUT_MS + MARGIN_MS);
  });
});
