/**
 * Benchmark of live introspection, in one run:
 *
 *   npx tsx bench/inspect.ts [--sizes 100,1000,10000] [--runs 7] [--seed 1]
 *                            [--drizzle-sizes 100,1000] [--drizzle-runs 3] [--drizzle-timeout 1800]
 *                            [--no-build] [--no-objects] [--out bench/out]
 *
 * Starts a throwaway PostgreSQL (see cluster.ts), and for each size builds a
 * database from bench/generate.ts, then times whole processes, interleaved
 * round by round so background load hits every tool alike:
 *   - `node bin/reconcile.js inspect --url URL --json > /dev/null` (wall time, peak RSS),
 *   - the same without `--json` (peak RSS of reading the model without printing it),
 *   - `pg_dump --schema-only` of the server's major version (wall time, peak RSS),
 * one warm-up round first (not counted), then `--runs` rounds; medians are reported.
 * `drizzle-kit pull` (node_modules/drizzle-kit/bin.cjs, what `npx drizzle-kit pull`
 * runs, without npx's start-up) is timed at the `--drizzle-sizes` only, with a
 * timeout (seconds), since it runs queries per table.
 * Peak RSS comes from GNU time (`/usr/bin/time -f %M`, Debian package `time`).
 * Prints a table with the ratios and the targets, and writes it with every raw
 * sample to bench/out/inspect-<timestamp>.{md,json}.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCluster, SERVER_SETTINGS, type Cluster } from './cluster.js';
import { generateSchema, stats, type SchemaStats } from './generate.js';
import { args, hasGnuTime, measure, median, ROOT, withServerCpu, type Sample } from './process.js';


// ---------------------------------------------------------------- options

const { argv, opt, numbers } = args(import.meta.url);
const options = {
  sizes: numbers(opt('sizes', '100,1000,10000')),
  runs: Number(opt('runs', '7')),
  seed: Number(opt('seed', '1')),
  drizzleSizes: numbers(opt('drizzle-sizes', '100,1000')),
  drizzleRuns: Number(opt('drizzle-runs', '3')),
  drizzleTimeout: Number(opt('drizzle-timeout', '1800')),
  build: !argv.includes('--no-build'),
  out: resolve(opt('out', join(ROOT, 'bench', 'out'))),
};

// ---------------------------------------------------------------- measuring


function ok(s: Sample, what: string): Sample {
  if (s.code !== 0 && !s.timedOut) throw new Error(`${what} failed (exit ${s.code}):\n${s.stderr.slice(0, 2000)}`);
  return s;
}

// ---------------------------------------------------------------- tools

function psql(c: Cluster, db: string, args: string[]): void {
  const r = spawnSync(c.tool('psql'), ['-XqA', '-v', 'ON_ERROR_STOP=1', '-d', c.url(db), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`psql ${args.join(' ')} failed: ${r.stderr.slice(0, 2000)}`);
}

const reconcileArgs = (url: string, json: boolean): string[] => [join(ROOT, 'bin', 'reconcile.js'), 'inspect', '--url', url, ...(json ? ['--json'] : [])];
const inspectJson = (c: Cluster, db: string): Promise<Sample> => withServerCpu(c, () => measure(process.execPath, reconcileArgs(c.url(db), true)));
const inspectSummary = (c: Cluster, db: string): Promise<Sample> => withServerCpu(c, () => measure(process.execPath, reconcileArgs(c.url(db), false)));
const pgDump = (c: Cluster, db: string): Promise<Sample> => withServerCpu(c, () => measure(c.tool('pg_dump'), ['--schema-only', '-d', c.url(db), '-f', '/dev/null']));

async function drizzlePull(c: Cluster, db: string, timeoutS: number): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), 'reconcile-bench-drizzle-'));
  try {
    const config = join(dir, 'drizzle.config.json');
    writeFileSync(config, JSON.stringify({ dialect: 'postgresql', dbCredentials: { url: c.url(db) }, out: join(dir, 'out'), schemaFilter: ['app', 'billing'] }));
    return await measure(process.execPath, [join(ROOT, 'node_modules', 'drizzle-kit', 'bin.cjs'), 'pull', '--config', config], { timeoutS });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The model `reconcile inspect --json` printed, counted like the generator counts. */
function countModel(file: string): SchemaStats {
  const { model } = JSON.parse(readFileSync(file, 'utf8')) as {
    model: {
      tables: Array<{ columns: unknown[]; primaryKey: unknown; foreignKeys: unknown[]; uniques: unknown[]; checks: unknown[]; indexes: unknown[] }>;
      enums: unknown[];
    };
  };
  const sum = (f: (t: (typeof model.tables)[number]) => number): number => model.tables.reduce((a, t) => a + f(t), 0);
  const uniques = sum((t) => t.uniques.length);
  const checks = sum((t) => t.checks.length);
  const foreignKeys = sum((t) => t.foreignKeys.length);
  const primaryKeys = sum((t) => (t.primaryKey ? 1 : 0));
  const indexes = sum((t) => t.indexes.length);
  return {
    tables: model.tables.length,
    columns: sum((t) => t.columns.length),
    primaryKeys,
    foreignKeys,
    uniques,
    checks,
    constraints: primaryKeys + foreignKeys + uniques + checks,
    indexes,
    secondaryIndexes: indexes - primaryKeys - uniques,
    enums: model.enums.length,
  };
}

// ---------------------------------------------------------------- run

interface SizeResult {
  tables: number;
  stats: SchemaStats;
  ddlMB: number;
  loadS: number;
  loadavgBefore: number;
  loadavgAfter: number;
  inspect: Sample[];
  inspectSummary: Sample[];
  pgDump: Sample[];
  drizzle: Sample[];
}

function log(line: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function build(): void {
  if (!options.build) return;
  log('building dist/ (npm run build)');
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error(`npm run build failed:\n${r.stdout}${r.stderr}`);
    log(`warning: npm run build reported errors (dist/ was still written):\n${(r.stdout + r.stderr).split('\n').slice(0, 8).join('\n')}`);
  }
}

async function runSize(c: Cluster, tables: number, work: string): Promise<SizeResult> {
  const db = `bench_${tables}`;
  // With the registry kinds (views, functions, triggers, policies, comments) unless --no-objects.
  const schema = generateSchema({ tables, seed: options.seed, objects: !argv.includes('--no-objects') });
  const expected = stats(schema);
  const ddlFile = join(work, `${db}.sql`);
  writeFileSync(ddlFile, schema.ddl);
  log(`${tables} tables: loading ${(schema.ddl.length / 1048576).toFixed(1)} MB of DDL`);
  psql(c, 'postgres', ['-c', `CREATE DATABASE ${db}`]);
  const t0 = performance.now();
  psql(c, db, ['-f', ddlFile]);
  const loadS = (performance.now() - t0) / 1000;
  psql(c, db, ['-c', 'VACUUM ANALYZE']); // catalog statistics as autovacuum would leave them
  rmSync(ddlFile);

  // The model must hold what was generated, or we would be timing a failure.
  const modelFile = join(work, `${db}.json`);
  ok(await measure(process.execPath, reconcileArgs(c.url(db), true), { stdoutFile: modelFile }), 'reconcile inspect');
  const got = countModel(modelFile);
  rmSync(modelFile);
  for (const k of Object.keys(expected) as Array<keyof SchemaStats>) {
    if (got[k] !== expected[k]) throw new Error(`${tables} tables: inspect found ${got[k]} ${k}, generated ${expected[k]}`);
  }

  const result: SizeResult = {
    tables,
    stats: expected,
    ddlMB: schema.ddl.length / 1048576,
    loadS,
    loadavgBefore: loadavg()[0] ?? NaN,
    loadavgAfter: NaN,
    inspect: [],
    inspectSummary: [],
    pgDump: [],
    drizzle: [],
  };
  for (let round = 0; round <= options.runs; round++) {
    // Alternate the order each round; round 0 warms caches and is not counted.
    const steps: Array<() => Promise<void>> = [
      async () => void (round > 0 && result.inspect.push(ok(await inspectJson(c, db), 'reconcile inspect --json'))),
      async () => void (round > 0 && result.pgDump.push(ok(await pgDump(c, db), 'pg_dump'))),
      async () => void (round > 0 && result.inspectSummary.push(ok(await inspectSummary(c, db), 'reconcile inspect'))),
    ];
    if (round % 2 === 1) steps.reverse();
    for (const step of steps) await step();
    if (round > 0) {
      const last = (xs: Sample[]): string => (xs.at(-1)?.wallS ?? NaN).toFixed(2);
      log(`${tables} tables, round ${round}/${options.runs}: inspect --json ${last(result.inspect)} s, pg_dump ${last(result.pgDump)} s, inspect ${last(result.inspectSummary)} s`);
    }
  }
  if (options.drizzleSizes.includes(tables)) {
    const runs = tables >= 1000 ? 1 : options.drizzleRuns;
    for (let i = 0; i < runs; i++) {
      log(`${tables} tables: drizzle-kit pull ${i + 1}/${runs} (timeout ${options.drizzleTimeout} s)`);
      const s = await drizzlePull(c, db, options.drizzleTimeout);
      if (s.code !== 0 && !s.timedOut) {
        log(`  drizzle-kit pull failed (exit ${s.code}), not counted:\n${s.stderr.slice(-1500)}`);
        break;
      }
      result.drizzle.push(s);
      log(`  ${s.timedOut ? `did not finish in ${options.drizzleTimeout} s` : `${s.wallS.toFixed(1)} s`}`);
      if (s.timedOut) break;
    }
  }
  result.loadavgAfter = loadavg()[0] ?? NaN;
  psql(c, 'postgres', ['-c', `DROP DATABASE ${db}`]);
  return result;
}

// ---------------------------------------------------------------- report

const f2 = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '–');
const f0 = (n: number): string => (Number.isFinite(n) ? n.toFixed(0) : '–');
const maxOf = (xs: Array<number | null>): number => Math.max(...xs.filter((x): x is number => x !== null));
const minOf = (xs: number[]): number => Math.min(...xs);

function report(results: SizeResult[], c: Cluster, started: Date): string {
  const lines: string[] = [];
  const server = `${Math.floor(c.version / 10000)}.${c.version % 10000}`;
  lines.push(
    `reconcile inspect benchmark, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; PostgreSQL ${server} (pg_dump ${server}); ` +
      `${options.runs} rounds after 1 warm-up, medians; seed ${options.seed}; server settings: ${Object.entries(SERVER_SETTINGS)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    '',
  );
  const cpu = (xs: Sample[], side: 'clientCpuS' | 'serverCpuS'): number => median(xs.map((x) => x[side] ?? NaN));
  lines.push(
    'Wall time, whole processes: median (fastest) of the rounds:',
    '',
    '| tables | columns | constraints | indexes | `reconcile inspect --json` s | `pg_dump --schema-only` s | inspect / pg_dump | `drizzle-kit pull` s | drizzle-kit / inspect |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    const ins = median(r.inspect.map((s) => s.wallS));
    const dump = median(r.pgDump.map((s) => s.wallS));
    const dz = r.drizzle.length === 0 ? null : r.drizzle.some((s) => s.timedOut) ? { timedOut: true, s: options.drizzleTimeout } : { timedOut: false, s: median(r.drizzle.map((s) => s.wallS)) };
    const dzCell = dz === null ? 'not run' : dz.timedOut ? `> ${dz.s} (timeout)` : `${f2(dz.s)}${r.drizzle.length > 1 ? ` (median of ${r.drizzle.length})` : ' (1 run)'}`;
    const dzRatio = dz === null ? '–' : `${dz.timedOut ? '> ' : ''}${f0(dz.s / ins)}x`;
    lines.push(
      `| ${r.tables.toLocaleString('en')} | ${r.stats.columns.toLocaleString('en')} | ${r.stats.constraints.toLocaleString('en')} | ${r.stats.indexes.toLocaleString('en')} | ` +
        `${f2(ins)} (${f2(minOf(r.inspect.map((s) => s.wallS)))}) | ${f2(dump)} (${f2(minOf(r.pgDump.map((s) => s.wallS)))}) | ${f2(ins / dump)} | ${dzCell} | ${dzRatio} |`,
    );
  }
  lines.push(
    '',
    'Memory and CPU (peak RSS: highest of the runs; CPU: medians, client process + server backends):',
    '',
    '| tables | inspect --json peak RSS MB | inspect (summary) peak RSS MB | pg_dump peak RSS MB | inspect --json CPU s (node + server) | pg_dump CPU s (client + server) | load avg (1 min) before → after |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    lines.push(
      `| ${r.tables.toLocaleString('en')} | ${f0(maxOf(r.inspect.map((s) => s.rssMB)))} | ${f0(maxOf(r.inspectSummary.map((s) => s.rssMB)))} | ${f0(maxOf(r.pgDump.map((s) => s.rssMB)))} | ` +
        `${f2(cpu(r.inspect, 'clientCpuS'))} + ${f2(cpu(r.inspect, 'serverCpuS'))} | ${f2(cpu(r.pgDump, 'clientCpuS'))} + ${f2(cpu(r.pgDump, 'serverCpuS'))} | ` +
        `${r.loadavgBefore.toFixed(1)} → ${r.loadavgAfter.toFixed(1)} |`,
    );
  }
  lines.push('');
  const by = new Map(results.map((r) => [r.tables, r]));
  const insAt = (n: number): number => median(by.get(n)?.inspect.map((s) => s.wallS) ?? []);
  const dumpAt = (n: number): number => median(by.get(n)?.pgDump.map((s) => s.wallS) ?? []);
  const verdict = (pass: boolean | null): string => (pass === null ? 'not measured' : pass ? 'MET' : 'MISSED');
  lines.push('Targets:');
  if (by.has(10000)) {
    const ratio = insAt(10000) / dumpAt(10000);
    lines.push(`- 10,000 tables: inspect / pg_dump = ${f2(ratio)} (target <= 0.60): ${verdict(ratio <= 0.6)}`);
    const r10 = by.get(10000);
    if (r10 && hasGnuTime) {
      const total = (xs: Sample[]): number => median(xs.map((x) => (x.clientCpuS ?? NaN) + (x.serverCpuS ?? NaN)));
      lines.push(`  (CPU seconds, client + server, which background load does not inflate: inspect ${f2(total(r10.inspect))} / pg_dump ${f2(total(r10.pgDump))} = ${f2(total(r10.inspect) / total(r10.pgDump))})`);
    }
  }
  const d1000 = by.get(1000)?.drizzle ?? [];
  if (d1000.length > 0) {
    const timedOut = d1000.some((s) => s.timedOut);
    const ratio = (timedOut ? options.drizzleTimeout : median(d1000.map((s) => s.wallS))) / insAt(1000);
    lines.push(`- 1,000 tables: drizzle-kit pull / inspect = ${timedOut ? '> ' : ''}${f0(ratio)}x (target >= 100x): ${verdict(ratio >= 100 ? true : timedOut ? null : false)}`);
  }
  if (hasGnuTime) {
    const peak = maxOf(results.flatMap((r) => r.inspect.map((s) => s.rssMB)));
    const peakSummary = maxOf(results.flatMap((r) => r.inspectSummary.map((s) => s.rssMB)));
    lines.push(`- peak RSS of \`reconcile inspect --json\`: ${f0(peak)} MB (target < 300 MB): ${verdict(peak < 300)}; without --json: ${f0(peakSummary)} MB`);
  }
  if (by.has(1000) && by.has(10000)) {
    const growth = insAt(10000) / insAt(1000);
    lines.push(`- growth 1,000 -> 10,000 tables: inspect x${f2(growth)} (target <= 11), pg_dump x${f2(dumpAt(10000) / dumpAt(1000))}: ${verdict(growth <= 11)}`);
  }
  lines.push('', 'DDL load times (psql -f; the VACUUM ANALYZE after it not included): ' + results.map((r) => `${r.tables}: ${f2(r.loadS)} s (${r.ddlMB.toFixed(1)} MB)`).join(', '));
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const started = new Date();
  if (!hasGnuTime) log(`warning: /usr/bin/time not found (apt-get install -y time); peak RSS will not be measured`);
  build();
  const c = await startCluster();
  const stopOnSignal = (): void => {
    c.stop();
    process.exit(130);
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);
  const work = mkdtempSync(join(tmpdir(), 'reconcile-bench-work-'));
  try {
    const dumpVersion = spawnSync(c.tool('pg_dump'), ['--version'], { encoding: 'utf8' }).stdout.trim();
    log(`PostgreSQL ${c.version} on port ${c.port}; ${dumpVersion}`);
    if (!dumpVersion.includes(` ${Math.floor(c.version / 10000)}.`)) throw new Error(`pg_dump (${dumpVersion}) does not match the server ${c.version}`);
    const results: SizeResult[] = [];
    for (const n of options.sizes) results.push(await runSize(c, n, work));
    const text = report(results, c, started);
    process.stdout.write('\n' + text);
    mkdirSync(options.out, { recursive: true });
    const stamp = started.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    writeFileSync(join(options.out, `inspect-${stamp}.md`), text);
    writeFileSync(join(options.out, `inspect-${stamp}.json`), JSON.stringify({ started, options, serverVersion: c.version, results }, null, 2));
    log(`written to ${join(options.out, `inspect-${stamp}.{md,json}`)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    c.stop();
  }
}

await main();
