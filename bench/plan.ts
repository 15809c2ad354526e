/**
 * Benchmark of `reconcile plan` end to end, in one run:
 *
 *   npx tsx bench/plan.ts [--sizes 1000,10000] [--runs 7] [--inproc-runs 7] [--seed 1]
 *                         [--fraction 0.1] [--no-build] [--out bench/out]
 *
 * Starts a throwaway PostgreSQL (bench/cluster.ts). For each size it generates
 * the schema (bench/generate.ts), writes all of it as one .sql file (the
 * declared source) and loads the live database with 10% of the tables, then
 * 10% of the remaining foreign keys and of the remaining indexes, removed
 * (`withoutFraction`). Then:
 *   1. cold: `reconcile plan --url LIVE --from full.sql --format sql --out FILE`
 *      with an empty cache folder (replays the DDL in PGlite, fills the cache);
 *   2. checks the plan: the SQL script must create exactly the removed tables,
 *      add exactly the removed foreign keys and create exactly the removed
 *      indexes, and nothing else (and `--format json` must agree), so a wrong
 *      plan is never timed;
 *   3. times whole processes, cached, one warm-up round then `--runs` rounds,
 *      the order alternating each round:
 *        - `node bin/reconcile.js plan --url LIVE --from full.sql --format sql --out FILE`
 *        - `node bin/reconcile.js inspect --url LIVE --json > /dev/null`
 *      wall time, CPU (client from GNU time, server from the postmaster's
 *      reaped children), peak RSS; medians;
 *   4. in-process (tsx, imported from src/): compare() + plan() + renderPlanSql()
 *      alone on the two models, `--inproc-runs` times after a warm-up, and each
 *      step of planRepair timed one after the other (where the time goes).
 * Targets: cached `plan` within 1.3x of `inspect --json` on the same database;
 * compare + plan + render growing linearly (about 10x for 10x the tables).
 * Prints the tables and writes them, with every raw sample, to
 * bench/out/plan-<timestamp>.{md,json} (not committed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCluster, SERVER_SETTINGS, type Cluster } from './cluster.js';
import { generateSchema, ident, qualified, withoutFraction, type QName } from './generate.js';
import { args, hasGnuTime, measure, median, ROOT, withServerCpu, type Sample } from './process.js';
import { resolveConnection } from '../src/db/connection.js';
import { openPool } from '../src/db/pool.js';
import { loadDeclared } from '../src/declared/index.js';
import { compare } from '../src/diff/index.js';
import { CATALOG_SETTINGS, inspect } from '../src/introspect/index.js';
import { tablesWithRows } from '../src/introspect/rows.js';
import { planLedger } from '../src/ledger/index.js';
import { schemaHash } from '../src/model/hash.js';
import { plan as buildPlan } from '../src/plan/index.js';
import { renderPlanSql, type PlanHeader } from '../src/render/plan-sql.js';

const BIN = join(ROOT, 'bin', 'reconcile.js');

// ---------------------------------------------------------------- options

const { argv, opt, numbers } = args(import.meta.url);
const options = {
  sizes: numbers(opt('sizes', '1000,10000')),
  runs: Number(opt('runs', '7')),
  inprocRuns: Number(opt('inproc-runs', '7')),
  seed: Number(opt('seed', '1')),
  fraction: Number(opt('fraction', '0.1')),
  build: !argv.includes('--no-build'),
  out: resolve(opt('out', join(ROOT, 'bench', 'out'))),
};

// ---------------------------------------------------------------- measuring (as bench/inspect.ts)


/** `plan` exits 2 when it found drift (it always does here), `inspect` 0. */
function ok(s: Sample, what: string, codes: number[]): Sample {
  if (s.code === null || !codes.includes(s.code)) throw new Error(`${what} failed (exit ${s.code}):\n${s.stderr.slice(0, 2000)}`);
  return s;
}

function psql(c: Cluster, db: string, args: string[]): void {
  const r = spawnSync(c.tool('psql'), ['-XqA', '-v', 'ON_ERROR_STOP=1', '-d', c.url(db), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`psql ${args.join(' ')} failed: ${r.stderr.slice(0, 2000)}`);
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

// ---------------------------------------------------------------- checking the plan

const key = (q: QName): string => qualified(q);
const IDENT = '"((?:[^"]|"")*)"';
const unquote = (s: string): string => s.replaceAll('""', '"');

interface PlanObjects {
  tables: string[];
  sequences: string[];
  ownedBy: string[];
  foreignKeys: string[];
  indexes: string[];
  statements: number;
  other: string[];
}

/** What the psql script does: tables it creates, FKs it adds, indexes it builds (names as `"schema"."table"` and `"name" on "schema"."table"`). */
function objectsOfScript(sql: string): PlanObjects {
  const tables = [...sql.matchAll(new RegExp(`^CREATE TABLE IF NOT EXISTS ${IDENT}\\.${IDENT} \\(`, 'gm'))].map((m) => key({ schema: unquote(m[1]!), name: unquote(m[2]!) }));
  const foreignKeys = [...sql.matchAll(new RegExp(`^ALTER TABLE ${IDENT}\\.${IDENT} ADD CONSTRAINT ${IDENT} FOREIGN KEY`, 'gm'))].map(
    (m) => `${ident(unquote(m[3]!))} on ${key({ schema: unquote(m[1]!), name: unquote(m[2]!) })}`,
  );
  const indexes = [...sql.matchAll(new RegExp(`^CREATE INDEX (?:CONCURRENTLY )?IF NOT EXISTS ${IDENT} ON ${IDENT}\\.${IDENT} `, 'gm'))].map(
    (m) => `${ident(unquote(m[1]!))} on ${key({ schema: unquote(m[2]!), name: unquote(m[3]!) })}`,
  );
  const sequences = [...sql.matchAll(new RegExp(`^CREATE SEQUENCE IF NOT EXISTS ${IDENT}\\.${IDENT} `, 'gm'))].map((m) => key({ schema: unquote(m[1]!), name: unquote(m[2]!) }));
  const ownedBy = [...sql.matchAll(new RegExp(`^ALTER SEQUENCE ${IDENT}\\.${IDENT} OWNED BY ${IDENT}\\.${IDENT}\\.${IDENT};$`, 'gm'))].map(
    (m) => `${key({ schema: unquote(m[1]!), name: unquote(m[2]!) })} owned by ${key({ schema: unquote(m[3]!), name: unquote(m[4]!) })}.${ident(unquote(m[5]!))}`,
  );
  const header = /^-- statements: +(\d+) \(withheld for hazards: (\d+)\)$/m.exec(sql);
  const statements = [...sql.matchAll(/^-- \[\d+\/\d+\] (\w+): (.*)$/gm)];
  const other = statements.filter((m) => !/^(create table|add foreign key|create index|create sequence|sequence .* owned by) /.test(m[2]!)).map((m) => `${m[1]}: ${m[2]}`);
  if (!header || header[2] !== '0') other.push(`header: ${header?.[0] ?? 'missing'}`);
  return { tables, sequences, ownedBy, foreignKeys, indexes, statements: statements.length, other };
}

function sameSet(what: string, got: string[], want: string[]): string[] {
  const g = new Set(got);
  const w = new Set(want);
  const problems: string[] = [];
  if (g.size !== got.length) problems.push(`${what}: ${got.length - g.size} duplicate(s)`);
  const missing = want.filter((x) => !g.has(x));
  const extra = got.filter((x) => !w.has(x));
  if (missing.length) problems.push(`${what}: ${missing.length} removed but not in the plan, e.g. ${missing.slice(0, 3).join(', ')}`);
  if (extra.length) problems.push(`${what}: ${extra.length} in the plan but not removed, e.g. ${extra.slice(0, 3).join(', ')}`);
  return problems;
}

interface Check {
  tables: number;
  /** Sequences of the removed tables' bigserial keys: created, then owned by the column. */
  sequences: number;
  foreignKeys: number;
  indexes: number;
  statements: number;
  scriptMB: number;
}

function checkPlan(sqlFile: string, jsonFile: string, removed: ReturnType<typeof withoutFraction>['removed']): Check {
  const sql = readFileSync(sqlFile, 'utf8');
  const got = objectsOfScript(sql);
  // A bigserial key is a sequence owned by the column: a removed table's sequence is missing too.
  const serial = removed.tables.filter((t) => /^\s*"id" bigserial\b/m.test(t.sql)).map((t) => ({ schema: t.schema, name: `${t.name}_id_seq`, table: t }));
  const problems = [
    ...sameSet('tables', got.tables, removed.tables.map(key)),
    ...sameSet('sequences', got.sequences, serial.map(key)),
    ...sameSet('sequence owners', got.ownedBy, serial.map((q) => `${key(q)} owned by ${key(q.table)}.${ident('id')}`)),
    ...sameSet('foreign keys', got.foreignKeys, removed.foreignKeys.map((f) => `${ident(f.name)} on ${key(f.table)}`)),
    ...sameSet('indexes', got.indexes, removed.indexes.map((i) => `${ident(i.name)} on ${key(i.table)}`)),
  ];
  if (got.other.length) problems.push(`other statements: ${got.other.length}, e.g. ${got.other.slice(0, 3).join('; ')}`);
  const expected = removed.tables.length + 2 * serial.length + removed.foreignKeys.length + removed.indexes.length;
  if (got.statements !== expected) problems.push(`${got.statements} statements, expected ${expected}`);
  const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as {
    summary: { statements: number; withheld: number; byPhase: Record<string, number> };
    changes: Array<{ kind: string }>;
    notes: unknown[];
  };
  const kinds = new Set(json.changes.map((c) => c.kind));
  for (const k of kinds) if (!['missing-table', 'missing-sequence', 'missing-foreign-key', 'missing-index'].includes(k)) problems.push(`JSON plan: a change of kind ${k}`);
  if (json.summary.statements !== expected || json.summary.withheld !== 0) problems.push(`JSON plan: ${json.summary.statements} statements, ${json.summary.withheld} withheld`);
  if (json.notes.length) problems.push(`JSON plan: ${json.notes.length} note(s)`);
  if (problems.length) throw new Error(`the plan is wrong:\n  ${problems.join('\n  ')}`);
  return { tables: got.tables.length, sequences: got.sequences.length, foreignKeys: got.foreignKeys.length, indexes: got.indexes.length, statements: got.statements, scriptMB: sql.length / 1048576 };
}

// ---------------------------------------------------------------- in process

interface Steps {
  /** Each step of planRepair, one after the other, ms (median of the runs). */
  loadDeclaredCached: number;
  inspect: number;
  compare: number;
  tablesWithRows: number;
  plan: number;
  planLedger: number;
  schemaHash: number;
  renderSql: number;
}

interface InProcess {
  /** compare + plan + renderPlanSql, ms per run. */
  core: number[];
  compare: number[];
  plan: number[];
  render: number[];
  steps: Steps;
  changes: number;
  /** Tables tablesWithRows probes (distinct tables named by a change, missing ones included). */
  probed: number;
}

const now = (): number => performance.now();

async function inProcess(liveUrl: string, fullSql: string, cacheDir: string): Promise<InProcess> {
  const connection = resolveConnection({ url: liveUrl });
  const stepSamples: Record<keyof Steps, number[]> = {
    loadDeclaredCached: [],
    inspect: [],
    compare: [],
    tablesWithRows: [],
    plan: [],
    planLedger: [],
    schemaHash: [],
    renderSql: [],
  };
  const result: InProcess = { core: [], compare: [], plan: [], render: [], steps: {} as Steps, changes: 0, probed: 0 };
  const header = (liveHash: string): PlanHeader => ({
    source: fullSql,
    target: connection.display,
    serverVersion: '15',
    toolVersion: 'bench',
    plannedAt: new Date(0).toISOString(),
    liveHash,
    lockTimeout: '2000ms',
  });
  // Where planRepair's time goes: its steps run one after the other (planRepair runs the first two concurrently).
  for (let round = 0; round <= options.inprocRuns; round++) {
    const pool = await openPool(connection, { max: 4, settings: CATALOG_SETTINGS });
    try {
      const step = async <T>(name: keyof Steps, f: () => Promise<T> | T): Promise<T> => {
        const t0 = now();
        const v = await f();
        if (round > 0) stepSamples[name].push(now() - t0);
        return v;
      };
      const declared = await step('loadDeclaredCached', () => loadDeclared(fullSql, { cacheDir, snapshots: true }));
      if (!declared.fromCache) throw new Error('in-process: the declared model was not read from the cache');
      const live = await step('inspect', () => inspect(pool));
      const changes = await step('compare', () => compare(declared.schema, live.schema, {}));
      const touched = changes.flatMap((c) => ('table' in c && c.table ? [{ schema: c.table.schema, name: c.table.name }] : []));
      result.probed = new Set(touched.map((t) => key(t))).size;
      const rows = await step('tablesWithRows', () => tablesWithRows(pool, touched));
      const schemaPlan = await step('plan', () => buildPlan(changes, { serverVersion: live.serverVersion, tablesWithRows: rows, options: {} }));
      const withLedger = await step('planLedger', async () => (await planLedger(pool, { declared, live: live.schema, plan: schemaPlan, scope: {}, ledger: { choice: 'auto' } })).plan);
      const liveHash = await step('schemaHash', () => schemaHash(live.schema));
      await step('renderSql', () => renderPlanSql(withLedger, header(liveHash)));

      if (round === 0) {
        // compare + plan + render alone, on the same two models.
        result.changes = changes.length;
        for (let i = 0; i <= options.inprocRuns; i++) {
          const t0 = now();
          const ch = compare(declared.schema, live.schema, {});
          const t1 = now();
          const p = buildPlan(ch, { serverVersion: live.serverVersion, tablesWithRows: new Set<string>(), options: {} });
          const t2 = now();
          const text = renderPlanSql(p, header('sha256:bench'));
          const t3 = now();
          if (text.length === 0 || p.statements.length === 0) throw new Error('in-process: empty plan');
          if (i === 0) continue; // warm-up
          result.compare.push(t1 - t0);
          result.plan.push(t2 - t1);
          result.render.push(t3 - t2);
          result.core.push(t3 - t0);
        }
      }
    } finally {
      await pool.end();
    }
  }
  result.steps = Object.fromEntries(Object.entries(stepSamples).map(([k, v]) => [k, median(v)])) as unknown as Steps;
  return result;
}

// ---------------------------------------------------------------- run

interface SizeResult {
  tables: number;
  columns: number;
  removed: { tables: number; foreignKeys: number; indexes: number };
  check: Check;
  declaredMB: number;
  loadS: number;
  cold: Sample;
  plan: Sample[];
  inspect: Sample[];
  startup: Sample[];
  inProcess: InProcess;
  loadavgBefore: number[];
  loadavgAfter: number[];
}

async function runSize(c: Cluster, tables: number, work: string): Promise<SizeResult> {
  const db = `plan_${tables}`;
  const schema = generateSchema({ tables, seed: options.seed });
  const { kept, removed } = withoutFraction(schema, { fraction: options.fraction });
  const fullSql = join(work, `full-${tables}.sql`);
  writeFileSync(fullSql, schema.ddl);
  const keptSql = join(work, `kept-${tables}.sql`);
  writeFileSync(keptSql, kept.ddl);
  log(
    `${tables} tables: live = all but ${removed.tables.length} tables, ${removed.foreignKeys.length} foreign keys, ${removed.indexes.length} indexes; ` +
      `loading ${(kept.ddl.length / 1048576).toFixed(1)} MB of DDL`,
  );
  psql(c, 'postgres', ['-c', `DROP DATABASE IF EXISTS ${db}`, '-c', `CREATE DATABASE ${db}`]);
  const t0 = now();
  psql(c, db, ['-f', keptSql]);
  const loadS = (now() - t0) / 1000;
  psql(c, db, ['-c', 'VACUUM ANALYZE']);
  rmSync(keptSql);

  const url = c.url(db);
  const cacheDir = join(work, `cache-${tables}`);
  // XDG_CACHE_HOME: the cache folder is ours (and empty for the cold run); the declared model lands in $XDG_CACHE_HOME/pg-reconcile.
  const env = { ...process.env, XDG_CACHE_HOME: cacheDir };
  const outSql = join(work, `plan-${tables}.sql`);
  const outJson = join(work, `plan-${tables}.json`);
  const planArgs = (out: string, format: 'sql' | 'json'): string[] => [BIN, 'plan', '--url', url, '--from', fullSql, '--format', format, '--out', out];
  const loadavgBefore = loadavg();

  log(`${tables} tables: cold plan (empty cache: PGlite replays ${(schema.ddl.length / 1048576).toFixed(1)} MB of DDL)`);
  const cold = ok(await withServerCpu(c, () => measure(process.execPath, planArgs(outSql, 'sql'), { env })), 'cold reconcile plan', [2]);
  log(`  ${cold.wallS.toFixed(2)} s, peak RSS ${cold.rssMB?.toFixed(0) ?? '?'} MB`);
  ok(await measure(process.execPath, planArgs(outJson, 'json'), { env }), 'reconcile plan --format json', [2]);
  const check = checkPlan(outSql, outJson, removed);
  log(`  plan checked: ${check.tables} create table, ${check.sequences} create sequence (+ owned by), ${check.foreignKeys} add foreign key, ${check.indexes} create index, nothing else`);

  const result: SizeResult = {
    tables,
    columns: schema.tables.reduce((a, t) => a + t.columns.length, 0),
    removed: { tables: removed.tables.length, foreignKeys: removed.foreignKeys.length, indexes: removed.indexes.length },
    check,
    declaredMB: schema.ddl.length / 1048576,
    loadS,
    cold,
    plan: [],
    inspect: [],
    startup: [],
    inProcess: { core: [], compare: [], plan: [], render: [], steps: {} as Steps, changes: 0, probed: 0 },
    loadavgBefore,
    loadavgAfter: [],
  };
  for (let round = 0; round <= options.runs; round++) {
    const steps: Array<() => Promise<void>> = [
      async () => {
        const s = ok(await withServerCpu(c, () => measure(process.execPath, planArgs(outSql, 'sql'), { env })), 'reconcile plan', [2]);
        if (round > 0) result.plan.push(s);
      },
      async () => {
        const s = ok(await withServerCpu(c, () => measure(process.execPath, [BIN, 'inspect', '--url', url, '--json'], { env })), 'reconcile inspect --json', [0]);
        if (round > 0) result.inspect.push(s);
      },
      async () => {
        // node start-up and module loading, the floor of every command
        const s = ok(await measure(process.execPath, [BIN, '--version'], { env }), 'reconcile --version', [0]);
        if (round > 0) result.startup.push(s);
      },
    ];
    if (round % 2 === 1) steps.reverse();
    for (const step of steps) await step();
    if (round > 0) {
      const last = (xs: Sample[]): string => (xs.at(-1)?.wallS ?? NaN).toFixed(2);
      log(`${tables} tables, round ${round}/${options.runs}: plan ${last(result.plan)} s, inspect --json ${last(result.inspect)} s (load ${loadavg()[0]?.toFixed(1)})`);
    }
  }
  // The cached plan must still be the checked one.
  checkPlan(outSql, outJson, removed);
  log(`${tables} tables: in process, compare + plan + render (${options.inprocRuns} runs) and planRepair's steps`);
  result.inProcess = await inProcess(url, fullSql, join(cacheDir, 'pg-reconcile'));
  result.loadavgAfter = loadavg();
  psql(c, 'postgres', ['-c', `DROP DATABASE ${db}`]);
  return result;
}

// ---------------------------------------------------------------- report

const f2 = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '–');
const f0 = (n: number): string => (Number.isFinite(n) ? n.toFixed(0) : '–');
const n0 = (n: number): string => n.toLocaleString('en');
const med = (xs: Sample[], f: (s: Sample) => number | null): number => median(xs.map((s) => f(s) ?? NaN));
const wall = (xs: Sample[]): number => med(xs, (s) => s.wallS);
const fastest = (xs: Sample[]): number => Math.min(...xs.map((s) => s.wallS));
const peak = (xs: Sample[]): number => Math.max(...xs.map((s) => s.rssMB ?? NaN));
const la = (xs: number[]): string => xs.map((x) => x.toFixed(1)).join(' ');

function report(results: SizeResult[], c: Cluster, started: Date): string {
  const server = `${Math.floor(c.version / 10000)}.${c.version % 10000}`;
  const lines: string[] = [
    `reconcile plan benchmark, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; PostgreSQL ${server}; ${options.runs} rounds after 1 warm-up, medians; seed ${options.seed}; ` +
      `live = generated schema minus ${options.fraction * 100}% of tables, then of foreign keys and indexes; declared = the whole DDL as one .sql file (cached); ` +
      `server settings: ${Object.entries(SERVER_SETTINGS)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    '',
    'Plans checked before timing: the script creates exactly the removed tables (and the sequences of their bigserial keys, each created then OWNED BY its column), ' +
      'adds exactly the removed foreign keys and builds exactly the removed indexes, nothing else:',
    '',
    '| tables | columns | removed: tables / FKs / indexes | bigserial sequences of removed tables | plan statements | script MB | DDL load (psql -f) s |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    lines.push(
      `| ${n0(r.tables)} | ${n0(r.columns)} | ${n0(r.removed.tables)} / ${n0(r.removed.foreignKeys)} / ${n0(r.removed.indexes)} | ${n0(r.check.sequences)} | ${n0(r.check.statements)} | ${f2(r.check.scriptMB)} | ${f2(r.loadS)} |`,
    );
  }
  lines.push(
    '',
    'Whole processes, wall time: median (fastest) of the rounds; CPU: medians, node + server backends; peak RSS: highest:',
    '',
    '| tables | cold `plan` s (empty cache) | `plan` s (cached) | `inspect --json` s | plan / inspect | plan CPU s | inspect CPU s | node start-up s | plan peak RSS MB | cold plan peak RSS MB | load avg 1/5/15 min, before → after |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const r of results) {
    const cpu = (xs: Sample[]): string => `${f2(med(xs, (s) => s.clientCpuS))} + ${f2(med(xs, (s) => s.serverCpuS))}`;
    lines.push(
      `| ${n0(r.tables)} | ${f2(r.cold.wallS)} | ${f2(wall(r.plan))} (${f2(fastest(r.plan))}) | ${f2(wall(r.inspect))} (${f2(fastest(r.inspect))}) | ${f2(wall(r.plan) / wall(r.inspect))} | ` +
        `${cpu(r.plan)} | ${cpu(r.inspect)} | ${f2(wall(r.startup))} | ${f0(peak(r.plan))} | ${f0(r.cold.rssMB ?? NaN)} | ${la(r.loadavgBefore)} → ${la(r.loadavgAfter)} |`,
    );
  }
  lines.push(
    '',
    `In process (tsx, src/), compare() + plan() + renderPlanSql() on the two models, median of ${options.inprocRuns} runs after a warm-up, ms:`,
    '',
    '| tables | changes | compare | plan | renderPlanSql | total |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    const p = r.inProcess;
    lines.push(`| ${n0(r.tables)} | ${n0(p.changes)} | ${f0(median(p.compare))} | ${f0(median(p.plan))} | ${f0(median(p.render))} | ${f0(median(p.core))} |`);
  }
  lines.push(
    '',
    "planRepair's steps one after the other, in process, ms (medians; `plan` runs the first two concurrently, and adds node start-up, the CLI and writing the file):",
    '',
    '| tables | loadDeclared (cached) | inspect | compare | tablesWithRows (tables probed) | plan | planLedger | schemaHash(live) | renderPlanSql |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of results) {
    const s = r.inProcess.steps;
    lines.push(
      `| ${n0(r.tables)} | ${f0(s.loadDeclaredCached)} | ${f0(s.inspect)} | ${f0(s.compare)} | ${f0(s.tablesWithRows)} (${n0(r.inProcess.probed)}) | ${f0(s.plan)} | ${f0(s.planLedger)} | ${f0(s.schemaHash)} | ${f0(s.renderSql)} |`,
    );
  }
  lines.push('');
  const verdict = (pass: boolean): string => (pass ? 'MET' : 'MISSED');
  lines.push('Targets:');
  for (const r of results) {
    const ratio = wall(r.plan) / wall(r.inspect);
    const cpuRatio = med(r.plan, (s) => (s.clientCpuS ?? NaN) + (s.serverCpuS ?? NaN)) / med(r.inspect, (s) => (s.clientCpuS ?? NaN) + (s.serverCpuS ?? NaN));
    lines.push(`- ${n0(r.tables)} tables: plan / inspect = ${f2(ratio)} (target <= 1.30): ${verdict(ratio <= 1.3)} (by CPU seconds, node + server: ${f2(cpuRatio)})`);
  }
  const by = new Map(results.map((r) => [r.tables, r]));
  const small = by.get(1000);
  const large = by.get(10000);
  if (small && large) {
    const g = median(large.inProcess.core) / median(small.inProcess.core);
    const part = (f: (p: InProcess) => number[]): string => f2(median(f(large.inProcess)) / median(f(small.inProcess)));
    lines.push(
      `- growth 1,000 -> 10,000 tables of compare + plan + render: x${f2(g)} (target about 10, linear): ${verdict(g <= 12)} ` +
        `(compare x${part((p) => p.compare)}, plan x${part((p) => p.plan)}, render x${part((p) => p.render)}; whole plan process x${f2(wall(large.plan) / wall(small.plan))})`,
    );
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const started = new Date();
  if (!hasGnuTime) log(`warning: /usr/bin/time not found (apt-get install -y time); CPU and peak RSS will not be measured`);
  build();
  const c = await startCluster();
  const work = mkdtempSync(join(tmpdir(), 'reconcile-bench-plan-'));
  const stopOnSignal = (): void => {
    c.stop();
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);
  try {
    log(`PostgreSQL ${c.version} on port ${c.port}; work folder ${work}`);
    const results: SizeResult[] = [];
    for (const n of options.sizes) results.push(await runSize(c, n, work));
    const text = report(results, c, started);
    process.stdout.write('\n' + text);
    mkdirSync(options.out, { recursive: true });
    const stamp = started.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    writeFileSync(join(options.out, `plan-${stamp}.md`), text);
    writeFileSync(join(options.out, `plan-${stamp}.json`), JSON.stringify({ started, options, serverVersion: c.version, results }, null, 2));
    log(`written to ${join(options.out, `plan-${stamp}.{md,json}`)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    c.stop();
  }
}

if (!statSync(BIN).isFile()) throw new Error(`${BIN} not found`);
await main();
