/**
 * Benchmark of the incident's repair applied under load, in one run:
 *
 *   npx tsx bench/apply.ts [--messages 200000] [--calls 50000] [--clients 16] [--rate 200]
 *                          [--hold 10] [--workload-seconds 45] [--runs naive,reconcile]
 *                          [--no-build] [--out bench/out]
 *
 * Starts a throwaway PostgreSQL 15 (bench/cluster.ts) and builds the seed's
 * incident on it with `buildIncident` (src/demo/incident.ts: the chat app
 * migrated to chat 0003, 0004 faked, the hand-written tables), plus
 * `--messages` chat messages and `--calls` call sessions with one call log
 * each, so the repair (timestamp -> timestamptz rewrites, NOT NULL, FKs,
 * concurrent index builds) takes measurable time. That database is the
 * template of one fresh copy per run. Each run:
 *
 *   t = 0            pgbench starts: `--clients` clients, `--rate` transactions/s in
 *                    all (-R), simple protocol, autocommit, one statement per
 *                    transaction: inserts into chat_message, selects and updates of
 *                    chat_callsession, chat_calllog and users_user (scripts below),
 *                    every transaction logged (-l) for `--workload-seconds`;
 *   t = 3 s          a worker goes idle in a transaction holding a lock on
 *                    chat_callsession, as in the incident:
 *                    `BEGIN; SELECT count(*) FROM chat_callsession;` and nothing more;
 *   t = 4 s          the repair starts:
 *     naive:         `psql -X -v ON_ERROR_STOP=1 -f repair.sql`, where repair.sql is
 *                    `reconcile plan --from schemas/chat/django --allow-hazards rewrite
 *                    --out repair.sql` with its `SET lock_timeout` line removed (a
 *                    hand-written script has none);
 *     reconcile:     `reconcile apply --from schemas/chat/django --allow-hazards rewrite
 *                    --wait-for-blockers 30s` (lock_timeout 2 s per statement, retries);
 *   t = 4 s + hold   the idle worker commits;
 *   end              the repair must succeed; the workload runs to its end.
 * Meanwhile the sessions waiting for a lock are counted every 200 ms.
 * Reported per run: workload query latency (pgbench's per-transaction latency
 * minus its schedule lag) p50 / p99 / max, the max including schedule lag,
 * failed transactions and aborted clients, the most sessions waiting for a
 * lock at once, and what the repair did (its slowest statements, retries).
 * Target: with reconcile apply, max workload latency under the lock timeout
 * (2 s) plus 250 ms and no failed query; the naive run shows the pile-up.
 * Writes bench/out/apply-<timestamp>.{md,json} (not committed).
 * Everything runs against 127.0.0.1; every wait is bounded.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { startCluster, SERVER_SETTINGS, type Cluster } from './cluster.js';
import { args, ROOT } from './process.js';
import { buildIncident, CHAT_DJANGO_DIR } from '../src/demo/incident.js';

const BIN = join(ROOT, 'bin', 'reconcile.js');

// ---------------------------------------------------------------- options

const { argv, opt } = args(import.meta.url);
type RunKind = 'naive' | 'reconcile';
const options = {
  messages: Number(opt('messages', '200000')),
  calls: Number(opt('calls', '50000')),
  clients: Number(opt('clients', '16')),
  rate: Number(opt('rate', '200')),
  holdS: Number(opt('hold', '10')),
  workloadS: Number(opt('workload-seconds', '45')),
  runs: opt('runs', 'naive,reconcile').split(',').map((x) => x.trim()) as RunKind[],
  lockTimeoutMs: 2000,
  build: !argv.includes('--no-build'),
  out: resolve(opt('out', join(ROOT, 'bench', 'out'))),
};
for (const r of options.runs) if (r !== 'naive' && r !== 'reconcile') throw new Error(`--runs: unknown run ${r} (naive, reconcile)`);
for (const [k, v] of Object.entries({ messages: options.messages, calls: options.calls, clients: options.clients, rate: options.rate, hold: options.holdS, 'workload-seconds': options.workloadS })) {
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${k} must be a positive number`);
}
/** When the idle worker starts, when the repair starts (seconds after the workload). */
const IDLE_AT_S = 3;
const REPAIR_AT_S = 4;
/** The workload must outlast the repair by this much, or the run is not counted. */
const TAIL_S = 2;
/** Hard bound on one repair process (it waits 30 s at most for the idle worker). */
const REPAIR_TIMEOUT_S = 180;

// ---------------------------------------------------------------- helpers

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function log(line: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function psql(c: Cluster, db: string, args: string[]): string {
  const r = spawnSync(c.tool('psql'), ['-XqAt', '-v', 'ON_ERROR_STOP=1', '-d', c.url(db), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`psql ${args.join(' ')} failed: ${r.stderr.slice(0, 2000)}`);
  return r.stdout;
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

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  startedAt: number;
  endedAt: number;
  timedOut: boolean;
}

/** Every child we start, so a failure or Ctrl-C ends exactly these (by pid, process group). */
const children = new Set<ChildProcess>();

function killChild(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** Start a process (its own process group), collect its output, kill it after `timeoutS`. */
function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutS: number }): { child: ChildProcess; done: Promise<Finished> } {
  const startedAt = Date.now();
  const child = spawn(cmd, args, { cwd: ROOT, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    if (stdout.length < 2_000_000) stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 200_000) stderr += d.toString();
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killChild(child);
  }, opts.timeoutS * 1000);
  const done = new Promise<Finished>((resolveDone, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolveDone({ code, signal, stdout, stderr, startedAt, endedAt: Date.now(), timedOut });
    });
  });
  return { child, done };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

// ---------------------------------------------------------------- the database

/** More rows than the demo's, with ids of their own (prefixes 31, 41, 51), so the rewrites take measurable time. */
function moreRows(messages: number, calls: number): string {
  const user = (expr: string): string => `('00000000-0000-0000-0000-' || lpad((${expr})::text, 12, '0'))::uuid`;
  return `
INSERT INTO chat_message (id, content, created_at, room_id, sender_id, message_type)
SELECT ('31000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, 'message ' || g, now() - g * interval '1 second',
       ('20000000-0000-0000-0000-' || lpad((1 + g % 100)::text, 12, '0'))::uuid, ${user('1 + g % 200')}, 'text'
FROM generate_series(1, ${messages}) g;
INSERT INTO chat_callsession (id, caller_id, receiver_id, status, start_time, end_time, duration_seconds, created_at, updated_at, chat_room_id)
SELECT ('41000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, ${user('1 + g % 200')}, ${user('1 + (g + 3) % 200')}, 'ended',
       '2026-01-01 10:00'::timestamp + g * interval '1 minute', '2026-01-01 10:05'::timestamp + g * interval '1 minute', 300,
       '2026-01-01 10:00'::timestamp + g * interval '1 minute', '2026-01-01 10:05'::timestamp + g * interval '1 minute',
       ('20000000-0000-0000-0000-' || lpad((1 + g % 100)::text, 12, '0'))::uuid
FROM generate_series(1, ${calls}) g;
INSERT INTO chat_calllog (id, call_session_id, participant_id, other_participant_id, log_type, timestamp, duration_seconds)
SELECT ('51000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, ('41000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid,
       ${user('1 + g % 200')}, ${user('1 + (g + 3) % 200')}, 'outgoing', '2026-01-01 10:00'::timestamp + g * interval '1 minute', 300
FROM generate_series(1, ${calls}) g;`;
}

async function buildTemplate(c: Cluster, db: string): Promise<Record<string, number>> {
  psql(c, 'postgres', ['-c', `CREATE DATABASE ${db}`]);
  const client = new pg.Client({ connectionString: c.url(db) });
  await client.connect();
  try {
    await buildIncident(client, { onStep: (s) => log(`  incident: ${s}`) });
    log(`  adding ${options.messages.toLocaleString('en')} messages, ${options.calls.toLocaleString('en')} call sessions and call logs`);
    await client.query(moreRows(options.messages, options.calls));
    await client.query('VACUUM ANALYZE');
    const r = await client.query<{ t: string; n: string }>(
      "SELECT 'chat_message' AS t, count(*) AS n FROM chat_message UNION ALL SELECT 'chat_callsession', count(*) FROM chat_callsession " +
        "UNION ALL SELECT 'chat_calllog', count(*) FROM chat_calllog UNION ALL SELECT 'users_user', count(*) FROM users_user",
    );
    return Object.fromEntries(r.rows.map((x) => [x.t, Number(x.n)]));
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- the workload

const uuidOf = (prefix: string, v: string): string => `CAST('${prefix}-0000-0000-0000-' || lpad(CAST(:${v} AS text), 12, '0') AS uuid)`;

/** One statement per transaction (autocommit, as Django runs by default); name, weight, script. */
function workloadScripts(calls: number): Array<{ name: string; weight: number; sql: string }> {
  const sets = `\\set u random(1, 200)\n\\set r random(1, 100)\n\\set c random(1, ${calls})\n`;
  return [
    {
      name: 'insert chat_message',
      weight: 4,
      sql: `INSERT INTO chat_message (id, content, created_at, room_id, sender_id, message_type) VALUES (gen_random_uuid(), 'hello from the workload', now(), ${uuidOf('20000000', 'r')}, ${uuidOf('00000000', 'u')}, 'text');`,
    },
    {
      name: 'select chat_callsession + users_user',
      weight: 3,
      sql: `SELECT s.id, s.status, s.start_time, s.end_time, u.email FROM chat_callsession s JOIN users_user u ON u.id = s.caller_id WHERE s.id = ${uuidOf('41000000', 'c')};`,
    },
    {
      name: 'update chat_callsession',
      weight: 2,
      sql: `UPDATE chat_callsession SET status = 'ended', updated_at = now() WHERE id = ${uuidOf('41000000', 'c')};`,
    },
    {
      name: 'select chat_calllog + chat_callsession',
      weight: 2,
      sql: `SELECT l.id, l.log_type, l.timestamp, s.status FROM chat_calllog l JOIN chat_callsession s ON s.id = l.call_session_id WHERE l.id = ${uuidOf('51000000', 'c')};`,
    },
    {
      name: 'update chat_calllog',
      weight: 1,
      sql: `UPDATE chat_calllog SET duration_seconds = duration_seconds + 1 WHERE id = ${uuidOf('51000000', 'c')};`,
    },
    {
      name: 'update users_user',
      weight: 1,
      sql: `UPDATE users_user SET last_login = now() WHERE id = ${uuidOf('00000000', 'u')};`,
    },
  ].map((s) => ({ ...s, sql: sets + s.sql + '\n' }));
}

interface Txn {
  client: number;
  script: number;
  /** Completion time, ms since the epoch. */
  endMs: number;
  /** pgbench's latency (from the scheduled start under -R), ms. */
  latencyMs: number;
  /** Schedule lag, ms: how late the transaction started. */
  lagMs: number;
  failed: boolean;
}

/** pgbench -l lines: client_id transaction_no time script_no time_epoch time_us schedule_lag ("failed"/"deadlock"/... in place of time for failures). */
function readPgbenchLogs(dir: string, prefix: string): Txn[] {
  const out: Txn[] = [];
  for (const f of readdirSync(dir).filter((x) => x.startsWith(prefix + '.'))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const p = line.trim().split(/\s+/);
      if (p.length < 6) continue;
      const failed = !/^\d+$/.test(p[2]!);
      const endMs = Number(p[4]) * 1000 + Number(p[5]) / 1000;
      out.push({ client: Number(p[0]), script: Number(p[3]), endMs, latencyMs: failed ? NaN : Number(p[2]) / 1000, lagMs: p[6] !== undefined ? Number(p[6]) / 1000 : 0, failed });
    }
  }
  return out;
}

// ---------------------------------------------------------------- one run

interface LockSample {
  atMs: number;
  /** Client sessions waiting for a heavyweight lock. */
  waiting: number;
  /** What the waiting sessions other than the workload run (the repair's statement at the head of the queue). */
  others: string[];
}

interface RunResult {
  kind: RunKind;
  database: string;
  startedAt: number;
  idleAt: number;
  releasedAt: number;
  repair: Finished & { command: string };
  workload: Finished & { command: string };
  txns: Txn[];
  locks: LockSample[];
  loadavgBefore: number[];
  loadavgAfter: number[];
  scripts: string[];
}

async function runOnce(c: Cluster, kind: RunKind, template: string, work: string, env: NodeJS.ProcessEnv, naiveScript: string): Promise<RunResult> {
  const db = `run_${kind}`;
  psql(c, 'postgres', ['-c', `DROP DATABASE IF EXISTS ${db}`, '-c', `CREATE DATABASE ${db} TEMPLATE ${template}`]);
  psql(c, db, ['-c', 'VACUUM ANALYZE']);
  const url = c.url(db);
  const dir = join(work, `workload-${kind}`);
  mkdirSync(dir, { recursive: true });
  const scripts = workloadScripts(options.calls);
  const scriptArgs = scripts.flatMap((s, i) => {
    const file = join(dir, `script-${i}.sql`);
    writeFileSync(file, s.sql);
    return ['-f', `${file}@${s.weight}`];
  });
  const loadavgBefore = loadavg();
  const pgbenchArgs = [
    '-n', // no vacuum of pgbench's own tables
    '-M', 'simple',
    '-c', String(options.clients),
    '-j', '2',
    '-R', String(options.rate),
    '-T', String(options.workloadS),
    '-l', '--log-prefix', join(dir, 'txn'),
    ...scriptArgs,
    '-h', '127.0.0.1', '-p', String(c.port), '-U', 'postgres', db,
  ];
  log(`${kind}: workload starts (${options.clients} clients, ${options.rate} tx/s, ${options.workloadS} s)`);
  const workload = run(c.tool('pgbench'), pgbenchArgs, { env: { ...env, PGAPPNAME: 'chat-app' }, timeoutS: options.workloadS + 60 });
  const startedAt = Date.now();

  // Count sessions waiting for locks, every 200 ms, until the workload ends.
  const watcher = new pg.Client({ connectionString: url, application_name: 'bench-watcher' });
  await watcher.connect();
  const locks: LockSample[] = [];
  let watching = true;
  const watch = (async () => {
    while (watching && Date.now() - startedAt < (options.workloadS + 60) * 1000) {
      const r = await watcher.query<{ n: string; others: string[] | null }>(
        "SELECT count(*) AS n, array_agg(DISTINCT left(regexp_replace(query, '\\s+', ' ', 'g'), 120)) FILTER (WHERE application_name <> 'chat-app') AS others " +
          "FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND backend_type = 'client backend'",
      );
      locks.push({ atMs: Date.now(), waiting: Number(r.rows[0]?.n ?? 0), others: r.rows[0]?.others ?? [] });
      await sleep(200);
    }
  })();

  const idle = new pg.Client({ connectionString: url, application_name: 'chat-worker' });
  let idleOpen = false;
  try {
    await sleep(IDLE_AT_S * 1000);
    await idle.connect();
    idleOpen = true;
    await idle.query('BEGIN');
    await idle.query('SELECT count(*) FROM chat_callsession');
    const idleAt = Date.now();
    log(`${kind}: a worker is idle in a transaction holding ACCESS SHARE on chat_callsession`);
    await sleep(Math.max(0, startedAt + REPAIR_AT_S * 1000 - Date.now()));

    const repairCmd =
      kind === 'naive'
        ? { cmd: c.tool('psql'), args: ['-X', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', naiveScript] }
        : {
            cmd: process.execPath,
            args: [BIN, 'apply', '--url', url, '--from', CHAT_DJANGO_DIR, '--allow-hazards', 'rewrite', '--wait-for-blockers', '30s', '--format', 'json'],
          };
    const command = kind === 'naive' ? `psql -X -v ON_ERROR_STOP=1 -f repair-naive.sql` : `reconcile apply --from schemas/chat/django --allow-hazards rewrite --wait-for-blockers 30s`;
    log(`${kind}: repair starts: ${command}`);
    const repair = run(repairCmd.cmd, repairCmd.args, { env, timeoutS: REPAIR_TIMEOUT_S });
    const repairStartedAt = Date.now();
    await Promise.race([repair.done, sleep(options.holdS * 1000)]);
    await sleep(Math.max(0, repairStartedAt + options.holdS * 1000 - Date.now()));
    await idle.query('COMMIT');
    const releasedAt = Date.now();
    await idle.end();
    idleOpen = false;
    log(`${kind}: the idle worker committed (${((releasedAt - repairStartedAt) / 1000).toFixed(1)} s after the repair started)`);
    const repairDone = await repair.done;
    log(`${kind}: repair ended with exit ${repairDone.code} after ${((repairDone.endedAt - repairDone.startedAt) / 1000).toFixed(2)} s`);
    const workloadDone = await workload.done;
    watching = false;
    await watch;
    log(`${kind}: workload ended with exit ${workloadDone.code}`);
    if (repairDone.code !== 0) throw new Error(`${kind}: the repair failed (exit ${repairDone.code}${repairDone.timedOut ? ', timed out' : ''}):\n${repairDone.stderr.slice(-3000)}\n${repairDone.stdout.slice(-3000)}`);
    if (workloadDone.endedAt - repairDone.endedAt < TAIL_S * 1000) {
      throw new Error(`${kind}: the workload ended ${((workloadDone.endedAt - repairDone.endedAt) / 1000).toFixed(1)} s after the repair; raise --workload-seconds`);
    }
    const txns = readPgbenchLogs(dir, 'txn');
    if (txns.length === 0) throw new Error(`${kind}: pgbench logged no transaction:\n${workloadDone.stderr.slice(-3000)}`);
    return {
      kind,
      database: db,
      startedAt,
      idleAt,
      releasedAt,
      repair: { ...repairDone, command },
      workload: { ...workloadDone, command: `pgbench ${pgbenchArgs.map((a) => (a.startsWith(work) ? a.slice(work.length + 1) : a)).join(' ')}` },
      txns,
      locks,
      loadavgBefore,
      loadavgAfter: loadavg(),
      scripts: scripts.map((s) => s.name),
    };
  } finally {
    watching = false;
    if (idleOpen) await idle.end().catch(() => undefined);
    await watch.catch(() => undefined);
    await watcher.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------- analysis

interface Stats {
  queries: number;
  failed: number;
  abortedClients: number;
  p50: number;
  p99: number;
  max: number;
  maxWithLag: number;
  over1s: number;
  over1sWithLag: number;
  maxWaiting: number;
  /** Statements of the repair seen waiting for a lock, with how long they were seen waiting (s, by the 200 ms samples). */
  repairWaits: Array<{ query: string; seenS: number }>;
  perScript: Array<{ name: string; queries: number; p99: number; max: number }>;
  /** Seconds after the repair started where some query took over 250 ms: [second, max ms]. */
  slowSeconds: Array<[number, number]>;
  /** Max query latency of queries that overlapped the window in which the repair ran statements on the live database (reconcile: first statement-start to last statement-end; naive: the psql process). */
  maxWhileStatements: number;
  /** Max query latency of queries entirely before the repair started or after it ended: the machine's noise floor. */
  maxOutsideRepair: number;
  /** Slowest workload queries: [seconds after the repair started, ms, script]. */
  worst: Array<[number, number, string]>;
}

/** [first statement-start, last statement-end] of reconcile's events (epoch ms), or the repair process. */
function statementWindow(r: RunResult): [number, number] {
  if (r.kind === 'naive') return [r.repair.startedAt, r.repair.endedAt];
  const at = r.repair.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { event: string; at?: string })
    .filter((e) => (e.event === 'statement-start' || e.event === 'statement-end') && e.at)
    .map((e) => Date.parse(e.at!));
  return at.length ? [Math.min(...at), Math.max(...at)] : [r.repair.startedAt, r.repair.endedAt];
}

function analyse(r: RunResult): Stats {
  const okTx = r.txns.filter((t) => !t.failed);
  const q = okTx.map((t) => t.latencyMs - t.lagMs).sort((a, b) => a - b);
  const aborted = new Set([...r.workload.stderr.matchAll(/client (\d+) aborted/g)].map((m) => m[1])).size;
  const failedSummary = /number of failed transactions: (\d+)/.exec(r.workload.stdout);
  const repairStart = r.repair.startedAt;
  const slow = new Map<number, number>();
  for (const t of okTx) {
    const ms = t.latencyMs - t.lagMs;
    if (ms <= 250) continue;
    const s = Math.floor((t.endMs - ms - repairStart) / 1000);
    slow.set(s, Math.max(slow.get(s) ?? 0, ms));
  }
  return {
    queries: r.txns.length,
    failed: Math.max(r.txns.filter((t) => t.failed).length, failedSummary ? Number(failedSummary[1]) : 0),
    abortedClients: aborted,
    p50: quantile(q, 0.5),
    p99: quantile(q, 0.99),
    max: q.at(-1) ?? NaN,
    maxWithLag: Math.max(...okTx.map((t) => t.latencyMs)),
    over1s: q.filter((x) => x > 1000).length,
    over1sWithLag: okTx.filter((t) => t.latencyMs > 1000).length,
    maxWaiting: Math.max(0, ...r.locks.map((l) => l.waiting)),
    repairWaits: repairWaits(r.locks),
    perScript: r.scripts.map((name, i) => {
      const xs = okTx.filter((t) => t.script === i).map((t) => t.latencyMs - t.lagMs).sort((a, b) => a - b);
      return { name, queries: xs.length, p99: quantile(xs, 0.99), max: xs.at(-1) ?? NaN };
    }),
    slowSeconds: [...slow.entries()].sort((a, b) => a[0] - b[0]),
    ...windows(r, okTx),
  };
}

function windows(r: RunResult, okTx: RunResult['txns']): Pick<Stats, 'maxWhileStatements' | 'maxOutsideRepair' | 'worst'> {
  const [from, to] = statementWindow(r);
  const span = okTx.map((t) => ({ t, ms: t.latencyMs - t.lagMs, start: t.endMs - t.latencyMs + t.lagMs }));
  const during = span.filter((x) => x.start < to && x.t.endMs > from).map((x) => x.ms);
  const outside = span.filter((x) => x.t.endMs < r.repair.startedAt || x.start > r.repair.endedAt).map((x) => x.ms);
  const worst = [...span].sort((a, b) => b.ms - a.ms).slice(0, 5);
  return {
    maxWhileStatements: Math.max(0, ...during),
    maxOutsideRepair: Math.max(0, ...outside),
    worst: worst.map((x) => [(x.start - r.repair.startedAt) / 1000, x.ms, r.scripts[x.t.script] ?? '?']),
  };
}

function repairWaits(samples: LockSample[]): Array<{ query: string; seenS: number }> {
  const seen = new Map<string, { first: number; last: number }>();
  for (const l of samples) {
    for (const q of l.others) {
      const e = seen.get(q);
      if (e) e.last = l.atMs;
      else seen.set(q, { first: l.atMs, last: l.atMs });
    }
  }
  return [...seen.entries()].map(([query, e]) => ({ query, seenS: (e.last - e.first) / 1000 })).sort((a, b) => b.seenS - a.seenS);
}

interface ApplyEventLine {
  event: string;
  phase?: string;
  lockLevel?: string;
  description?: string;
  status?: string;
  elapsedMs?: number;
  attempts?: number;
  blockers?: number[];
  waitingMs?: number;
  message?: string;
  at?: string;
}

/** What reconcile apply did: its events (--format json). */
/** Locks that ordinary reads or writes wait behind. */
const BLOCKING_LOCKS = new Set(['SHARE', 'SHARE ROW EXCLUSIVE', 'ACCESS EXCLUSIVE']);

function applySummary(stdout: string): {
  statements: number;
  done: number;
  retries: number;
  preflightWaitMs: number;
  slowest: ApplyEventLine[];
  /** The longest statement that ran under a lock the workload waits behind (its elapsed time bounds how long the lock was held). */
  longestBlocking: ApplyEventLine | null;
  result: string;
} {
  const events = stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as ApplyEventLine);
  const ends = events.filter((e) => e.event === 'statement-end');
  const pre = events.filter((e) => e.event === 'preflight');
  return {
    statements: ends.length,
    done: ends.filter((e) => e.status === 'done').length,
    retries: events.filter((e) => e.event === 'retry').length,
    preflightWaitMs: Math.max(0, ...pre.map((e) => e.waitingMs ?? 0)),
    slowest: [...ends].sort((a, b) => (b.elapsedMs ?? 0) - (a.elapsedMs ?? 0)).slice(0, 4),
    longestBlocking: [...ends].filter((e) => e.status === 'done' && BLOCKING_LOCKS.has(e.lockLevel ?? '')).sort((a, b) => (b.elapsedMs ?? 0) - (a.elapsedMs ?? 0))[0] ?? null,
    result: events
      .filter((e) => e.event === 'result')
      .map((e) => e.message ?? '')
      .join(' / '),
  };
}

// ---------------------------------------------------------------- report

const f0 = (n: number): string => (Number.isFinite(n) ? n.toFixed(0) : '–');
const f1 = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '–');
const n0 = (n: number): string => n.toLocaleString('en');
const la = (xs: number[]): string => xs.map((x) => x.toFixed(1)).join(' ');

function report(c: Cluster, started: Date, rows: Record<string, number>, plan: PlanInfo, runs: RunResult[]): string {
  const server = `${Math.floor(c.version / 10000)}.${c.version % 10000}`;
  const stats = new Map(runs.map((r) => [r.kind, analyse(r)]));
  const label = (k: RunKind): string => (k === 'naive' ? 'naive: `psql -f repair.sql`, no lock_timeout' : '`reconcile apply --wait-for-blockers 30s`');
  const lines: string[] = [
    `reconcile apply under load, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; PostgreSQL ${server}; server settings: ${Object.entries(SERVER_SETTINGS)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    '',
    `Database: the seed's incident (buildIncident) with ${n0(rows['chat_message'] ?? 0)} chat_message, ${n0(rows['chat_callsession'] ?? 0)} chat_callsession, ` +
      `${n0(rows['chat_calllog'] ?? 0)} chat_calllog, ${n0(rows['users_user'] ?? 0)} users_user rows; a fresh copy per run.`,
    `Repair: ${plan.statements} statements (${plan.accessExclusive} under ACCESS EXCLUSIVE, ${plan.rewrites} table rewrites allowed with --allow-hazards rewrite, ${plan.concurrent} concurrent index builds).`,
    `Workload: pgbench, ${options.clients} clients, ${options.rate} transactions/s in all (-R), simple protocol, one autocommit statement per transaction, ` +
      `${options.workloadS} s; scripts (weight): ${workloadScripts(options.calls)
        .map((s) => `${s.name} (${s.weight})`)
        .join(', ')}.`,
    `Timeline: workload from 0 s; a worker idle in a transaction on chat_callsession from ${IDLE_AT_S} s; repair from ${REPAIR_AT_S} s; the idle worker commits ${options.holdS} s after the repair started.`,
    'Latency: per query, as pgbench logs it minus its schedule lag (the time the query itself took); "with lag" also counts the wait for a free client when all were stuck.',
    '',
    '| run | repair wall s | queries | failed | aborted clients | p50 ms | p99 ms | max ms | max with lag ms | queries > 1 s | > 1 s with lag | most sessions waiting for a lock | load avg 1/5/15 before → after |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of runs) {
    const s = stats.get(r.kind)!;
    lines.push(
      `| ${label(r.kind)} | ${f2((r.repair.endedAt - r.repair.startedAt) / 1000)} | ${n0(s.queries)} | ${s.failed} | ${s.abortedClients} | ${f1(s.p50)} | ${f1(s.p99)} | ${f0(s.max)} | ${f0(s.maxWithLag)} | ` +
        `${n0(s.over1s)} | ${n0(s.over1sWithLag)} | ${s.maxWaiting} | ${la(r.loadavgBefore)} → ${la(r.loadavgAfter)} |`,
    );
  }
  lines.push('', 'Max query latency by statement, ms (p99 / max):', '', `| statement | ${runs.map((r) => r.kind).join(' | ')} |`, `| --- | ${runs.map(() => '---:').join(' | ')} |`);
  for (const [i, name] of workloadScripts(options.calls).map((s) => s.name).entries()) {
    lines.push(`| ${name} | ${runs.map((r) => `${f1(stats.get(r.kind)!.perScript[i]?.p99 ?? NaN)} / ${f0(stats.get(r.kind)!.perScript[i]?.max ?? NaN)}`).join(' | ')} |`);
  }
  lines.push('');
  for (const r of runs) {
    const s = stats.get(r.kind)!;
    const slow = s.slowSeconds.map(([sec, ms]) => `${sec}s:${f0(ms)}`).join(' ');
    lines.push(`${r.kind}: seconds after the repair started in which a query started that took over 250 ms (second:max ms): ${slow || 'none'}`);
    const waits = s.repairWaits.filter((w) => w.seenS > 0).slice(0, 3);
    lines.push(`${r.kind}: repair statements seen waiting for a lock: ${waits.length ? waits.map((w) => `${w.query} (${f1(w.seenS)} s)`).join('; ') : 'none for longer than one 200 ms sample'}`);
    lines.push(
      `${r.kind}: max query latency while the repair ran statements on the live database ${f0(s.maxWhileStatements)} ms; outside the repair (before it started, after it ended: this machine's noise floor) ${f0(s.maxOutsideRepair)} ms; ` +
        `slowest queries (s after the repair started, ms): ${s.worst.map(([at, ms, name]) => `${f1(at)} s ${f0(ms)} ${name}`).join('; ')}`,
    );
    if (r.kind === 'reconcile') {
      const a = applySummary(r.repair.stdout);
      lines.push(
        `reconcile: waited ${f1(a.preflightWaitMs / 1000)} s at preflight for the idle worker; ${a.done} of ${a.statements} statements run, ${a.retries} lock-timeout retries; ` +
          `slowest: ${a.slowest.map((e) => `${e.description} ${f2((e.elapsedMs ?? 0) / 1000)} s`).join('; ')}; ${a.result}`,
        `reconcile: longest statement under a lock the workload waits behind (SHARE or stronger; its run time bounds how long the lock was held): ` +
          `${a.longestBlocking ? `${a.longestBlocking.description} (${a.longestBlocking.lockLevel}) ${f0(a.longestBlocking.elapsedMs ?? 0)} ms` : 'none'}`,
      );
    }
  }
  lines.push('', 'Targets:');
  const rec = stats.get('reconcile');
  if (rec) {
    const budget = options.lockTimeoutMs + 250;
    const pass = rec.max < budget && rec.failed === 0 && rec.abortedClients === 0;
    lines.push(
      `- reconcile apply: max query latency ${f0(rec.max)} ms (target < lock timeout ${options.lockTimeoutMs} + 250 = ${budget} ms), ${rec.failed + rec.abortedClients} failed (target 0): ${pass ? 'MET' : 'MISSED'}`,
      `- reconcile apply: max query latency ${f0(rec.max)} ms over the whole run, ${f0(rec.maxWhileStatements)} ms while its statements ran (target <= 100 ms): ${rec.max <= 100 ? 'MET' : rec.maxWhileStatements <= 100 ? 'MET while statements ran, MISSED over the whole run' : 'MISSED'}`,
    );
  }
  const naive = stats.get('naive');
  if (naive) {
    const pile = naive.max >= options.holdS * 1000 * 0.8 && naive.maxWaiting >= options.clients / 2;
    lines.push(
      `- naive psql: max query latency ${f0(naive.max)} ms, ${naive.over1s} queries over 1 s, up to ${naive.maxWaiting} sessions waiting for a lock: ${pile ? 'pile-up shown' : 'NO pile-up seen'}`,
    );
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- main

interface PlanInfo {
  statements: number;
  accessExclusive: number;
  rewrites: number;
  concurrent: number;
}

async function main(): Promise<void> {
  const started = new Date();
  build();
  const c = await startCluster();
  const work = mkdtempSync(join(tmpdir(), 'reconcile-bench-apply-'));
  // The declared model's cache: ours, filled by the plan below, used by apply.
  const env = { ...process.env, XDG_CACHE_HOME: join(work, 'cache') };
  const cleanup = (): void => {
    for (const child of children) killChild(child);
    c.stop();
    rmSync(work, { recursive: true, force: true });
  };
  const stopOnSignal = (): void => {
    cleanup();
    process.exit(130);
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);
  try {
    log(`PostgreSQL ${c.version} on port ${c.port}; work folder ${work}`);
    const template = 'incident_template';
    log('building the incident');
    const rows = await buildTemplate(c, template);

    // The naive script: the tool's own psql script, minus its lock_timeout.
    const planDb = 'plan_only';
    psql(c, 'postgres', ['-c', `CREATE DATABASE ${planDb} TEMPLATE ${template}`]);
    const repairSql = join(work, 'repair.sql');
    const planJson = join(work, 'repair.json');
    for (const out of [repairSql, planJson]) {
      const p = run(process.execPath, [BIN, 'plan', '--url', c.url(planDb), '--from', CHAT_DJANGO_DIR, '--allow-hazards', 'rewrite', '--out', out], { env, timeoutS: 300 });
      const done = await p.done;
      if (done.code !== 2) throw new Error(`reconcile plan exited ${done.code}:\n${done.stderr}`);
    }
    psql(c, 'postgres', ['-c', `DROP DATABASE ${planDb}`]);
    const script = readFileSync(repairSql, 'utf8');
    const setLock = script.split('\n').filter((l) => /^SET lock_timeout = /.test(l));
    if (setLock.length !== 1) throw new Error(`repair.sql has ${setLock.length} SET lock_timeout lines, expected 1`);
    const naiveScript = join(work, 'repair-naive.sql');
    writeFileSync(naiveScript, script.split('\n').filter((l) => !/^SET lock_timeout = /.test(l)).join('\n'));
    if (/lock_timeout/i.test(readFileSync(naiveScript, 'utf8').replace(/^--.*$/gm, ''))) throw new Error('repair-naive.sql still sets lock_timeout');
    const planned = JSON.parse(readFileSync(planJson, 'utf8')) as { statements: Array<{ lockLevel: string; hazards: Array<{ kind: string }>; transactional: boolean; sql: string }> };
    const plan: PlanInfo = {
      statements: planned.statements.length,
      accessExclusive: planned.statements.filter((s) => s.lockLevel === 'ACCESS EXCLUSIVE').length,
      rewrites: planned.statements.filter((s) => s.hazards.some((h) => h.kind === 'rewrite')).length,
      concurrent: planned.statements.filter((s) => /CONCURRENTLY/.test(s.sql) && /^CREATE/.test(s.sql)).length,
    };
    log(`repair: ${plan.statements} statements, ${plan.rewrites} rewrites; repair-naive.sql written without its SET lock_timeout line`);

    const runs: RunResult[] = [];
    for (const kind of options.runs) runs.push(await runOnce(c, kind, template, work, env, naiveScript));
    const text = report(c, started, rows, plan, runs);
    process.stdout.write('\n' + text);
    mkdirSync(options.out, { recursive: true });
    const stamp = started.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    writeFileSync(join(options.out, `apply-${stamp}.md`), text);
    writeFileSync(
      join(options.out, `apply-${stamp}.json`),
      JSON.stringify({ started, options, serverVersion: c.version, rows, plan, runs: runs.map((r) => ({ ...r, stats: analyse(r) })) }, null, 2),
    );
    log(`written to ${join(options.out, `apply-${stamp}.{md,json}`)}`);
  } finally {
    cleanup();
  }
}

await main();
