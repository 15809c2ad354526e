/**
 * Sessions that hold and wait for locks, for the lock doctor's tests. Every wait
 * is a bounded poll of pg_stat_activity / pg_locks, never a fixed sleep.
 */
import pg from 'pg';
import { vi } from 'vitest';
import { main } from '../../src/cli/program.js';
import { ident } from '../../src/render/quote.js';

export interface Session {
  readonly client: pg.Client;
  readonly pid: number;
  readonly app: string;
}

/** A query left running in the background; `settled` never rejects. */
export interface Pending {
  readonly settled: Promise<{ ok: true; rows: Record<string, unknown>[] } | { ok: false; error: { code?: string; message: string } }>;
}

export function background(s: Session, sql: string): Pending {
  return {
    settled: s.client.query(sql).then(
      (r) => ({ ok: true as const, rows: r.rows as Record<string, unknown>[] }),
      (e: unknown) => ({ ok: false as const, error: e as { code?: string; message: string } }),
    ),
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Opens sessions (each with its own application_name) and an observer to poll with. */
export class Sessions {
  private readonly open: Session[] = [];
  private observerClient: pg.Client | undefined;

  constructor(private readonly url: string) {}

  async session(app: string, url: string = this.url): Promise<Session> {
    const client = new pg.Client({ connectionString: url, application_name: app });
    client.on('error', () => undefined);
    await client.connect();
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const s = { client, pid, app };
    this.open.push(s);
    return s;
  }

  async observer(): Promise<pg.Client> {
    if (!this.observerClient) {
      this.observerClient = new pg.Client({ connectionString: this.url, application_name: 'locks-test-observer' });
      this.observerClient.on('error', () => undefined);
      await this.observerClient.connect();
    }
    return this.observerClient;
  }

  /** Wait until `pg_blocking_pids(pid)` is exactly `blockers`. */
  async waitBlocked(pid: number, blockers: number[]): Promise<void> {
    const obs = await this.observer();
    const want = [...blockers].sort((a, b) => a - b);
    await waitFor(`pid ${pid} blocked by ${want.join(',')}`, async () => {
      const r = await obs.query<{ b: number[] }>('SELECT pg_blocking_pids($1::int) AS b', [pid]);
      const got = [...new Set(r.rows[0]?.b ?? [])].sort((a, b) => a - b);
      return JSON.stringify(got) === JSON.stringify(want);
    });
  }

  async waitState(pid: number, check: (row: { state: string | null; wait_event: string | null }) => boolean, what: string): Promise<void> {
    const obs = await this.observer();
    await waitFor(`pid ${pid} ${what}`, async () => {
      const r = await obs.query<{ state: string | null; wait_event: string | null }>('SELECT state, wait_event FROM pg_stat_activity WHERE pid = $1', [pid]);
      return r.rows[0] !== undefined && check(r.rows[0]);
    });
  }

  async alive(pid: number): Promise<boolean> {
    const obs = await this.observer();
    const r = await obs.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1', [pid]);
    return r.rows[0]?.n === 1;
  }

  async waitGone(pids: number[]): Promise<void> {
    const obs = await this.observer();
    await waitFor(`pids ${pids.join(',')} to exit`, async () => {
      const r = await obs.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1::int[])', [pids]);
      return r.rows[0]?.n === 0;
    });
  }

  /** Close every session and wait until their backends have exited, so the next test starts clean. */
  async closeAll(): Promise<void> {
    const pids = this.open.map((s) => s.pid);
    await Promise.all(this.open.map((s) => s.client.end().catch(() => undefined)));
    this.open.length = 0;
    if (pids.length > 0) await this.waitGone(pids);
    await this.observerClient?.end().catch(() => undefined);
    this.observerClient = undefined;
  }
}

export interface Chain {
  readonly a: Session;
  readonly b: Session;
  readonly c: Session;
  readonly bQuery: Pending;
  readonly cQuery: Pending;
}

/**
 * The incident's shape on `table` (which must exist): A idle in transaction after
 * reading it, B's ALTER TABLE queued for ACCESS EXCLUSIVE behind A, C's plain
 * SELECT queued behind B. Returns once pg_blocking_pids shows A -> B -> C.
 */
export async function blockingChain(sessions: Sessions, table: { schema: string; name: string }): Promise<Chain> {
  const q = `${ident(table.schema)}.${ident(table.name)}`;
  const a = await sessions.session('lock-a');
  const b = await sessions.session('lock-b');
  const c = await sessions.session('lock-c');
  await a.client.query('BEGIN');
  await a.client.query(`SELECT count(*) FROM ${q}`);
  const bQuery = background(b, `ALTER TABLE ${q} ADD COLUMN IF NOT EXISTS added_by_b int`);
  await sessions.waitBlocked(b.pid, [a.pid]);
  const cQuery = background(c, `SELECT count(*) AS n FROM ${q}`);
  await sessions.waitBlocked(c.pid, [b.pid]);
  return { a, b, c, bQuery, cQuery };
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Everything any CLI run in this process printed, to check that no password leaked. */
export const printed: string[] = [];

/** Run `reconcile ...args` in process, stdin not a terminal, capturing both streams. */
export async function cli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const tty = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
  Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
  let code: number;
  try {
    code = await main(['node', 'reconcile', ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
    if (tty) Object.defineProperty(process.stdin, 'isTTY', tty);
    else delete (process.stdin as { isTTY?: boolean }).isTTY;
  }
  printed.push(stdout, stderr);
  return { code, stdout, stderr };
}
