/**
 * Benchmark of loading a declared model, in one run:
 *
 *   npx tsx bench/declared.ts [--tables 10000] [--runs 3] [--seed 1] [--no-build] [--no-server-shadow] [--out bench/out]
 *
 * Starts a throwaway PostgreSQL (bench/cluster.ts), builds a database of
 * `--tables` tables from bench/generate.ts, and writes it out twice:
 *   - as a single pg_dump file (`pg_dump --schema-only` of that database),
 *   - as a Drizzle schema module (bench/declared-drizzle.ts, from its model).
 * Then, round by round (interleaved, so background load hits every contender
 * alike), it times whole processes:
 *   - PostgreSQL executing the same DDL: `psql -f` of the dump, and of the DDL
 *     drizzle-kit generates from the module, each into a fresh database;
 *   - `reconcile inspect --from FILE --no-cache` (cold: replay in PGlite;
 *     PGlite's empty data directory is already cached, as after any first run);
 *   - the same with `--shadow URL` (cold, replayed on the benchmark server), dump only;
 *   - `reconcile inspect --from FILE` with the model cached;
 *   - `reconcile inspect --url URL` (live introspection of the same schema).
 * reconcile prints its summary, not `--json`: the whole model is loaded either way.
 * Medians are reported with the targets: cached load under 1 s; cold load
 * within 3x the time PostgreSQL needs to execute the same DDL. Raw samples go to
 * bench/out/declared-<timestamp>.{md,json}. Peak RSS comes from GNU time if present.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { resolveConnection } from '../src/db/connection.js';
import { inspectConnection } from '../src/introspect/live.js';
import { startCluster, type Cluster } from './cluster.js';
import { drizzleModule } from './declared-drizzle.js';
import { generateSchema, stats } from './generate.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TIME = '/usr/bin/time';
const argv = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? (argv[i + 1] as string) : fallback;
};
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0] + '*/\n');
  process.exit(0);
}
const options = {
  tables: Number(opt('tables', '10000')),
  runs: Number(opt('runs', '3')),
  seed: Number(opt('seed', '1')),
  build: !argv.includes('--no-build'),
  serverShadow: !argv.includes('--no-server-shadow'),
  out: resolve(opt('out', join(ROOT, 'bench', 'out'))),
};

interface Sample {
  wallS: number;
  rssMB: number | null;
  code: number | null;
  stderr: string;
}

/** Run a whole process: wall time around spawn, peak RSS from GNU time. */
function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Sample> {
  const rssFile = join(tmpdir(), `reconcile-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const gnu = existsSync(TIME);
  const [file, fileArgs] = gnu ? [TIME, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
  const out = openSync('/dev/null', 'w');
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(file, fileArgs, { stdio: ['ignore', out, 'pipe'], env, cwd: ROOT });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => void (stderr.length < 20_000 && (stderr += d.toString())));
    child.on('error', fail);
    child.on('close', (code) => {
      const wallS = (performance.now() - started) / 1000;
      closeSync(out);
      let rssMB: number | null = null;
      if (gnu && existsSync(rssFile)) {
        const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kb) && kb > 0) rssMB = kb / 1024;
        rmSync(rssFile, { force: true });
      }
      if (code !== 0) fail(new Error(`${cmd} ${args.join(' ')} failed (exit ${code}):\n${stderr.slice(0, 2000)}`));
      else done({ wallS, rssMB, code, stderr });
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function psql(c: Cluster, db: string, args: string[]): void {
  const r = spawnSync(c.tool('psql'), ['-XqA', '-v', 'ON_ERROR_STOP=1', '-d', c.url(db), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`psql ${args.join(' ')} failed: ${r.stderr.slice(0, 2000)}`);
}

let dbCounter = 0;
/** `psql -f FILE` into a fresh database, timed. */
async function psqlFile(c: Cluster, file: string): Promise<Sample> {
  const db = `load_${++dbCounter}`;
  psql(c, 'postgres', ['-c', `CREATE DATABASE ${db}`]);
  try {
    return await measure(c.tool('psql'), ['-XqA', '-v', 'ON_ERROR_STOP=1', '-d', c.url(db), '-f', file]);
  } finally {
    psql(c, 'postgres', ['-c', `DROP DATABASE ${db}`]);
  }
}

/** `reconcile inspect …` printing the summary: the whole model is loaded, printing 100 MB of JSON is not what is measured. */
const reconcile = (cache: string, ...args: string[]): Promise<Sample> =>
  measure(process.execPath, [join(ROOT, 'bin', 'reconcile.js'), 'inspect', ...args], { ...process.env, XDG_CACHE_HOME: cache });

type Series = Record<string, Sample[]>;

async function main(): Promise<void> {
  if (options.build) {
    const b = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`npm run build failed:\n${b.stdout}${b.stderr}`);
  }
  // Generated inputs live under node_modules/.cache: drizzle-orm resolves from there, and
  // the type-checker (which reads bench/) never sees a 10,000-table module.
  const work = join(ROOT, 'node_modules', '.cache', 'pg-reconcile-bench', `declared-${options.tables}`);
  mkdirSync(work, { recursive: true });
  const cache = mkdtempSync(join(tmpdir(), 'reconcile-bench-cache-'));
  const cluster = await startCluster();
  const series: Series = {};
  const add = (name: string, s: Sample): void => void (series[name] ??= []).push(s);
  try {
    process.stderr.write(`generating ${options.tables} tables and loading them into PostgreSQL ${cluster.version}…\n`);
    const generated = generateSchema({ tables: options.tables, seed: options.seed });
    const ddlFile = join(work, 'generated.sql');
    writeFileSync(ddlFile, generated.ddl);
    psql(cluster, 'postgres', ['-c', 'CREATE DATABASE live']);
    psql(cluster, 'live', ['-f', ddlFile]);
    const dumpFile = join(work, 'dump.sql');
    const d = spawnSync(cluster.tool('pg_dump'), ['--schema-only', '-d', cluster.url('live'), '-f', dumpFile], { encoding: 'utf8' });
    if (d.status !== 0) throw new Error(`pg_dump failed: ${d.stderr}`);
    const model = (await inspectConnection(resolveConnection({ url: cluster.url('live') }))).schema;
    const moduleFile = join(work, 'schema.ts');
    writeFileSync(moduleFile, drizzleModule(model));
    // The DDL drizzle-kit generates from the module, for PostgreSQL's own time on it.
    const { prepareDrizzleSchema } = await import('../src/declared/sources/drizzle-schema.js');
    const prepared = await prepareDrizzleSchema(moduleFile);
    const drizzleDdl = join(work, 'drizzle.sql');
    writeFileSync(drizzleDdl, (prepared.scripts[0]?.statements ?? []).map((s) => s.sql + ';').join('\n') + '\n');
    // First run ever: PGlite's initdb, cached from then on (not what is measured).
    await reconcile(cache, '--from', join(ROOT, 'schemas', 'chat', 'pg_dump.sql'), '--no-cache');
    for (let round = 1; round <= options.runs; round++) {
      process.stderr.write(`round ${round}/${options.runs}…\n`);
      add('psql -f dump', await psqlFile(cluster, dumpFile));
      add('cold, dump, PGlite', await reconcile(cache, '--from', dumpFile, '--no-cache'));
      if (options.serverShadow) add('cold, dump, --shadow', await reconcile(cache, '--from', dumpFile, '--no-cache', '--shadow', cluster.url('postgres')));
      add('psql -f drizzle DDL', await psqlFile(cluster, drizzleDdl));
      add('cold, Drizzle, PGlite', await reconcile(cache, '--from', moduleFile, '--no-cache'));
      if (round === 1) {
        await reconcile(cache, '--from', dumpFile); // fill the cache
        await reconcile(cache, '--from', moduleFile);
      }
      add('cached, dump', await reconcile(cache, '--from', dumpFile));
      add('cached, Drizzle', await reconcile(cache, '--from', moduleFile));
      add('live inspect --url', await reconcile(cache, '--url', cluster.url('live')));
    }
    report(series, generated.ddl.length, stats(generated), cluster.version);
  } finally {
    cluster.stop();
    rmSync(cache, { recursive: true, force: true });
  }
}

function report(series: Series, ddlBytes: number, st: ReturnType<typeof stats>, version: number): void {
  const med = (name: string): number => median((series[name] ?? []).map((s) => s.wallS));
  const rss = (name: string): string => {
    const xs = (series[name] ?? []).map((s) => s.rssMB).filter((x): x is number => x !== null);
    return xs.length ? `${Math.round(Math.max(...xs))} MB` : '–';
  };
  const ratio = (a: string, b: string): string => `${(med(a) / med(b)).toFixed(2)}x ${b}`;
  const rows: [string, string, string][] = [
    ['psql -f dump', '', ''],
    ['cold, dump, PGlite', ratio('cold, dump, PGlite', 'psql -f dump'), '≤ 3x'],
    ['cold, dump, --shadow', series['cold, dump, --shadow'] ? ratio('cold, dump, --shadow', 'psql -f dump') : '', '≤ 3x'],
    ['psql -f drizzle DDL', '', ''],
    ['cold, Drizzle, PGlite', ratio('cold, Drizzle, PGlite', 'psql -f drizzle DDL'), '≤ 3x'],
    ['cached, dump', '', '< 1 s'],
    ['cached, Drizzle', '', '< 1 s'],
    ['live inspect --url', '', ''],
  ];
  const lines = [
    `# declared-model load, ${st.tables} tables (${st.columns} columns, ${st.constraints} constraints, ${st.indexes} indexes; generated DDL ${(ddlBytes / 1e6).toFixed(1)} MB)`,
    '',
    `PostgreSQL ${version} (bench cluster), ${options.runs} runs, medians; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB, load average ${loadavg()[0]?.toFixed(2)} at the end.`,
    '',
    '| measurement | median wall | peak RSS | ratio | target |',
    '| --- | ---: | ---: | --- | --- |',
    ...rows.filter(([n]) => series[n]).map(([n, r, t]) => `| ${n} | ${med(n).toFixed(2)} s | ${rss(n)} | ${r} | ${t} |`),
    '',
  ];
  const text = lines.join('\n');
  process.stdout.write(text);
  mkdirSync(options.out, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(options.out, `declared-${stamp}.md`), text);
  writeFileSync(join(options.out, `declared-${stamp}.json`), JSON.stringify({ options, stats: st, series }, null, 2));
}

await main();
