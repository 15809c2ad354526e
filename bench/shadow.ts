/**
 * The shadow choices for a cold declared load (what a cold `plan` spends its
 * time on), side by side, as whole processes:
 *
 *   npx tsx bench/shadow.ts [--sizes 20,200,2000] [--runs 1] [--seed 1] [--no-build]
 *
 * Per size, the generated schema (bench/generate.ts) as one .sql file, then:
 *   - pglite:   `node bin/reconcile.js inspect --from FILE --no-cache --json > /dev/null`
 *               (PGlite in-process, the default shadow);
 *   - embedded: the embedded PostgreSQL 18 (src/embedded/server.ts, what the
 *               project ships for tests and `demo`) started on demand (initdb +
 *               start, timed), then the same command with `--shadow URL`
 *               (a temporary database on it, dropped after); the column "on
 *               demand" is start + replay, what a default would cost;
 *   - psql -f:  the same file loaded into a fresh database of the same embedded
 *               server: what PostgreSQL itself needs (the reference).
 * Wall time, peak RSS (GNU time; for embedded the node process only, the
 * server's memory is not counted) and the load average before each size.
 * Prints a Markdown table. Everything local; every process bounded (30 min).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbedded } from '../src/embedded/server.js';
import { generateSchema } from './generate.js';
import { args, measure, median, ROOT, type Sample } from './process.js';

const { argv, opt, numbers } = args(import.meta.url);
const sizes = numbers(opt('sizes', '20,200,2000'));
const runs = Number(opt('runs', '1'));
const seed = Number(opt('seed', '1'));
const BIN = join(ROOT, 'bin', 'reconcile.js');
const TIMEOUT_S = 1800;

function log(line: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function ok(s: Sample, what: string): Sample {
  if (s.code !== 0 || s.timedOut) throw new Error(`${what}: exit ${s.code}${s.timedOut ? ' (timed out)' : ''}\n${s.stderr.slice(-2000)}`);
  return s;
}

interface Row {
  tables: number;
  mb: number;
  pglite: Sample[];
  startS: number[];
  embedded: Sample[];
  psqlS: number[];
  load: number[];
}

async function main(): Promise<void> {
  if (!argv.includes('--no-build')) {
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    if (b.status !== 0) log('warning: npm run build failed; running the dist/ there is');
  }
  const work = mkdtempSync(join(tmpdir(), 'reconcile-bench-shadow-'));
  const rows: Row[] = [];
  const started = new Date();
  try {
    for (const tables of sizes) {
      const sql = generateSchema({ tables, seed }).ddl;
      const file = join(work, `schema-${tables}.sql`);
      writeFileSync(file, sql);
      const row: Row = { tables, mb: Buffer.byteLength(sql) / 2 ** 20, pglite: [], startS: [], embedded: [], psqlS: [], load: loadavg() };
      for (let i = 0; i < runs; i++) {
        log(`${tables} tables: pglite`);
        row.pglite.push(ok(await measure(process.execPath, [BIN, 'inspect', '--from', file, '--no-cache', '--json'], { timeoutS: TIMEOUT_S }), 'pglite'));
        log(`${tables} tables: embedded PostgreSQL, started on demand`);
        const t0 = performance.now();
        const server = await startEmbedded();
        row.startS.push((performance.now() - t0) / 1000);
        try {
          row.embedded.push(ok(await measure(process.execPath, [BIN, 'inspect', '--from', file, '--no-cache', '--json', '--shadow', server.url], { timeoutS: TIMEOUT_S }), 'embedded'));
          log(`${tables} tables: psql -f on the same server`);
          const admin = new pg.Client(server.url);
          await admin.connect();
          await admin.query('CREATE DATABASE psql_ref');
          await admin.end();
          const t1 = performance.now();
          const p = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', server.urlFor('psql_ref'), '-f', file], { stdio: ['ignore', 'ignore', 'pipe'], timeout: TIMEOUT_S * 1000 });
          if (p.status !== 0) throw new Error(`psql -f: ${p.stderr.toString().slice(-2000)}`);
          row.psqlS.push((performance.now() - t1) / 1000);
        } finally {
          await server.stop();
        }
      }
      rows.push(row);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const f2 = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '–');
  const f0 = (n: number): string => (Number.isFinite(n) ? n.toFixed(0) : '–');
  const wall = (xs: Sample[]): number => median(xs.map((x) => x.wallS));
  const rss = (xs: Sample[]): number => Math.max(...xs.map((x) => x.rssMB ?? NaN));
  const lines = [
    `reconcile shadow choices (cold declared load), ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; ${runs} run(s) per size (median); seed ${seed}`,
    '',
    '| tables | DDL MB | PGlite s | PGlite peak RSS MB | embedded start s | embedded replay s | embedded on demand s (start + replay) | node peak RSS MB (embedded) | psql -f s (same server) | on demand / PGlite | on demand / psql -f | PGlite / psql -f | load avg 1/5/15 before |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    const p = wall(r.pglite);
    const s = median(r.startS);
    const e = wall(r.embedded);
    const q = median(r.psqlS);
    lines.push(
      `| ${r.tables.toLocaleString('en')} | ${f2(r.mb)} | ${f2(p)} | ${f0(rss(r.pglite))} | ${f2(s)} | ${f2(e)} | ${f2(s + e)} | ${f0(rss(r.embedded))} | ${f2(q)} | ${f2((s + e) / p)} | ${f2((s + e) / q)} | ${f2(p / q)} | ${r.load.map((x) => x.toFixed(1)).join(' ')} |`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
