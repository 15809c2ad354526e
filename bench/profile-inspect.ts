/**
 * Where `reconcile inspect` spends its time and memory, against an existing
 * database: each catalog query alone (server execution time from EXPLAIN
 * ANALYZE, then client wall time including transfer and row parsing, with the
 * row count), all of them concurrently the way `inspect` runs them, the
 * assemble step, and JSON serialization of the model; with RSS and heap after
 * each phase.
 *
 *   npx tsx bench/profile-inspect.ts --url postgres://postgres@127.0.0.1:5432/db [--runs 3]
 *
 * The query list is read from src/introspect/queries.ts (every exported `*_SQL`
 * constant and `*Sql(version)` function) and from the object registry (each kind's
 * `sql(version)`, plus the not-compared counts), so it follows changes there.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolveConnection } from '../src/db/connection.js';
import { openPool } from '../src/db/pool.js';
import { CATALOG_SETTINGS, inspect } from '../src/introspect/index.js';
import * as Q from '../src/introspect/queries.js';
import { OBJECT_KINDS, REGISTRY } from '../src/objects/index.js';
import { NOT_COMPARED_SQL } from '../src/objects/not-compared.js';

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const url = arg('url') ?? process.env['DATABASE_URL'];
if (!url) {
  process.stderr.write('usage: npx tsx bench/profile-inspect.ts --url URL [--runs N]\n');
  process.exit(1);
}
const runs = Number(arg('runs') ?? 3);
const mb = (n: number): string => (n / 1048576).toFixed(0).padStart(5) + ' MB';
const mem = (): string => {
  const m = process.memoryUsage();
  return `rss ${mb(m.rss)}  heap ${mb(m.heapUsed)}  external+buffers ${mb(m.external + m.arrayBuffers)}`;
};
const ms = (t: number): string => `${t.toFixed(0).padStart(6)} ms`;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN;
};

const pool = await openPool(resolveConnection({ url }), { max: 4, settings: CATALOG_SETTINGS });
try {
  const version = Number((await pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]?.v);
  const schemas = (await pool.query<{ name: string }>(Q.NAMESPACES_SQL)).rows.map((r) => r.name);
  const queries: Array<[string, string, boolean]> = [];
  for (const [name, value] of Object.entries(Q)) {
    if (name === 'NAMESPACES_SQL' || name === 'SESSION_SQL') continue;
    const sql = typeof value === 'string' && name.endsWith('_SQL') ? value : typeof value === 'function' && /Sql$/.test(name) ? (value as (v: number) => string)(version) : null;
    if (sql !== null) queries.push([name, sql, sql.includes('$1')]);
  }
  for (const kind of OBJECT_KINDS) {
    const sql = REGISTRY[kind].sql(version);
    queries.push([`kind ${kind}`, sql, sql.includes('$1')]);
  }
  queries.push(['not-compared counts', NOT_COMPARED_SQL, NOT_COMPARED_SQL.includes('$1')]);
  process.stdout.write(`${url.replace(/:[^:@/]*@/, '@')}  PostgreSQL ${version}  schemas ${schemas.join(',')}\n\n`);
  // The backend's own CPU time (ns, /proc/PID/schedstat) when the server runs on this machine:
  // unlike EXPLAIN ANALYZE's wall time, other load on the machine barely changes it.
  const backend = await pool.connect();
  const pid = Number((await backend.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid);
  const cpuNs = (): number | null => {
    try {
      return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      return null;
    }
  };
  process.stdout.write('query                     server (EXPLAIN ANALYZE)   client wall     rows   backend CPU\n');
  let cpuTotal = 0;
  for (const [name, sql, usesParam] of queries) {
    const params = usesParam ? [schemas] : [];
    const server: number[] = [];
    const client: number[] = [];
    const cpu: number[] = [];
    let count = 0;
    for (let i = 0; i < runs; i++) {
      const plan = await backend.query<{ 'QUERY PLAN': Array<{ 'Execution Time': number }> }>(
        `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${sql}`,
        params,
      );
      server.push(plan.rows[0]?.['QUERY PLAN'][0]?.['Execution Time'] ?? NaN);
      const t0 = performance.now();
      const c0 = cpuNs();
      count = (await backend.query(sql, params)).rows.length;
      const c1 = cpuNs();
      client.push(performance.now() - t0);
      if (c0 !== null && c1 !== null) cpu.push((c1 - c0) / 1e6);
    }
    const cpuText = cpu.length > 0 ? ms(median(cpu)) : '     n/a';
    process.stdout.write(`${name.padEnd(26)}${ms(median(server)).padStart(14)}${ms(median(client)).padStart(24)}${String(count).padStart(9)}${cpuText.padStart(14)}\n`);
    cpuTotal += cpu.length > 0 ? median(cpu) : 0;
  }

  backend.release();
  process.stdout.write(`backend CPU of all queries, one after another: ${ms(cpuTotal)}\n`);

  const together: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await Promise.all(queries.map(([, sql, usesParam]) => pool.query(sql, usesParam ? [schemas] : [])));
    together.push(performance.now() - t0);
  }
  process.stdout.write(`all queries concurrently (pool of 4), median: ${ms(median(together))}\n`);

  process.stdout.write(`\nbefore inspect: ${mem()}\n`);
  const walls: number[] = [];
  let model: Awaited<ReturnType<typeof inspect>> | null = null;
  for (let i = 0; i < runs; i++) {
    model = null;
    const t0 = performance.now();
    model = await inspect(pool);
    walls.push(performance.now() - t0);
  }
  process.stdout.write(`inspect() on a warm pool, median of ${runs}: ${ms(median(walls))}  (${walls.map((w) => w.toFixed(0)).join(', ')})\n`);
  process.stdout.write(`after inspect:  ${mem()}\n`);
  const t1 = performance.now();
  const json = JSON.stringify({ serverVersion: model?.serverVersion, model: model?.schema }, null, 2);
  process.stdout.write(`JSON.stringify (indent 2): ${ms(performance.now() - t1)}  ${mb(json.length)} of text\n`);
  process.stdout.write(`after JSON:     ${mem()}\n`);
} finally {
  await pool.end();
}
