/**
 * What the rehearsal costs (apply runs the plan on a copy of the live schema in
 * the shadow first):
 *
 *   npx tsx bench/rehearse.ts [--sizes 100,1000,10000] [--fraction 0.1] [--seed 1]
 *
 * Starts a throwaway PostgreSQL (bench/cluster.ts, Debian's postgresql-15). For
 * each size: the generated schema (bench/generate.ts) in a reference database,
 * the live database with a fraction of tables, foreign keys and indexes removed
 * (`withoutFraction`); the plan from the reference database (`--from URL`, no
 * cold replay); then `rehearse()` on PGlite, timed, and the plan's own time for
 * comparison. The copy holds the tables the plan touches and those foreign keys
 * connect to them, so its cost follows the plan, not the database.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startCluster, type Cluster } from './cluster.js';
import { generateSchema, withoutFraction } from './generate.js';
import { args } from './process.js';
import { planRepair } from '../src/api/plan.js';
import { rehearse } from '../src/apply/rehearse.js';

const { opt, numbers } = args(import.meta.url);
const sizes = numbers(opt('sizes', '100,1000,10000'));
const fraction = Number(opt('fraction', '0.1'));
const seed = Number(opt('seed', '1'));

function psql(c: Cluster, db: string, sql: string): void {
  const r = spawnSync(c.tool('psql'), ['-XqA', '-v', 'ON_ERROR_STOP=1', '-d', c.url(db)], { input: sql, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`psql on ${db} failed: ${r.stderr.slice(0, 2000)}`);
}

const cluster = await startCluster();
const rows: string[] = [];
try {
  for (const n of sizes) {
    const schema = generateSchema({ tables: n, seed });
    const { kept } = withoutFraction(schema, { fraction, seed });
    psql(cluster, 'postgres', `CREATE DATABASE ref_${n}; CREATE DATABASE live_${n};`);
    psql(cluster, `ref_${n}`, schema.ddl);
    psql(cluster, `live_${n}`, kept.ddl);
    const t0 = performance.now();
    const planned = await planRepair({ url: cluster.url(`live_${n}`), from: cluster.url(`ref_${n}`) });
    const planMs = performance.now() - t0;
    const r = await rehearse({ live: planned.live.schema, declared: planned.declared.schema, plan: planned.plan, serverVersion: planned.live.serverVersion });
    const ok = r.skipped === null && r.failed.length === 0 && r.left.length === 0;
    const line = `| ${n.toLocaleString('en')} | ${planned.plan.statements.length} | ${r.tables} | ${(planMs / 1000).toFixed(2)} s | ${(r.elapsedMs / 1000).toFixed(2)} s | ${ok ? 'ok' : `NOT OK: ${r.skipped ?? ''} ${r.failed.map((f) => f.error).join('; ')} ${r.left.join('; ')}`} |`;
    rows.push(line);
    process.stdout.write(`${line}\n`);
  }
} finally {
  cluster.stop();
}
process.stdout.write(`\nload average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n| tables | statements | tables in the copy | plan (from a URL) | rehearsal | result |\n| --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`);
