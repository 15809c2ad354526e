/**
 * Connection options with libpq's meaning: sslmode (URL and PGSSLMODE),
 * sslrootcert (URL and PGSSLROOTCERT), PGPASSFILE and ~/.pgpass, and the
 * application_name the tool shows in pg_stat_activity. The embedded server has
 * no TLS: modes that require it must fail with a clear TLS line, never connect
 * in clear text; modes that only prefer it connect.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADVISORY_KEYS } from '../../src/apply/advisory.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { recordStats } from '../property/stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let db: TestDb;
let dir: string;
let declared: string;
let checks = 0;

beforeAll(async () => {
  db = await createDatabase('libpq');
  await db.exec('CREATE TABLE t (id int PRIMARY KEY);');
  dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-libpq-'));
  declared = path.join(dir, 'declared.sql');
  writeFileSync(declared, 'CREATE TABLE t (id int PRIMARY KEY, note text);\n');
});
afterAll(async () => {
  await db.drop();
  recordStats({ suite: 'libpq', secretsChecks: checks, failures: 0 });
});

const withParams = (url: string, params: Record<string, string>): string => {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
};
const withoutPassword = (url: string): string => {
  const u = new URL(url);
  u.password = '';
  return u.toString();
};
const password = (): string => decodeURIComponent(new URL(db.url).password);

/** No password anywhere libpq would look unless the case puts it there. */
const clean = { PGPASSWORD: '', PGPASSFILE: path.join(os.tmpdir(), 'no-such-pgpass'), HOME: os.tmpdir(), PGSSLMODE: '', PGSSLROOTCERT: '', DATABASE_URL: '' };

async function verify(url: string | null, env: Record<string, string> = {}): Promise<CliRun> {
  checks++;
  const args = ['verify', ...(url ? ['--url', url] : []), '--from', declared];
  return runCli(args, { ...clean, ...env });
}

function oneLine(r: CliRun): string {
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0] ?? '';
}

describe('sslmode and sslrootcert', () => {
  it('sslmode=require against a server without TLS fails with a clear TLS line (URL and PGSSLMODE)', async () => {
    for (const r of [await verify(withParams(db.url, { sslmode: 'require' })), await verify(db.url, { PGSSLMODE: 'require' })]) {
      expect(r.code, r.stderr).toBe(1);
      expect(oneLine(r)).toMatch(/^reconcile: TLS failed for postgres:\/\/postgres@[^ ]+: The server does not support SSL connections \(check sslmode and sslrootcert/);
    }
  });

  it('sslmode=verify-full with a missing sslrootcert file names the file (URL and PGSSLROOTCERT)', async () => {
    const missing = path.join(dir, 'no-such-root.crt');
    for (const r of [
      await verify(withParams(db.url, { sslmode: 'verify-full', sslrootcert: missing })),
      await verify(db.url, { PGSSLMODE: 'verify-full', PGSSLROOTCERT: missing }),
    ]) {
      expect(r.code, r.stderr).toBe(1);
      expect(oneLine(r)).toMatch(new RegExp(`^reconcile: .*${missing.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
      expect(r.stderr).toMatch(/ENOENT|no such file|cannot read/i);
    }
  });

  it('sslmode=disable connects; a URL sslmode wins over PGSSLMODE', async () => {
    const r = await verify(withParams(db.url, { sslmode: 'disable' }), { PGSSLMODE: 'require' });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe('');
  });

  it('sslmode=prefer and allow connect without TLS when the server has none, as libpq does', async () => {
    for (const mode of ['prefer', 'allow']) {
      const r = await verify(withParams(db.url, { sslmode: mode }));
      expect(r.code, `${mode}: ${r.stderr}`).toBe(2);
    }
    const env = await verify(db.url, { PGSSLMODE: 'prefer' });
    expect(env.code, env.stderr).toBe(2);
  });
});

describe('passwords from a password file', () => {
  it('a URL without password and PGPASSFILE connects', async () => {
    const u = new URL(db.url);
    const file = path.join(dir, 'pgpass');
    writeFileSync(file, `# comment\nother:5432:*:*:nope\n${u.hostname}:${u.port}:${db.name}:postgres:${password().replace(/[:\\]/g, '\\$&')}\n`);
    chmodSync(file, 0o600);
    const r = await verify(withoutPassword(db.url), { PGPASSFILE: file });
    expect(r.code, r.stderr).toBe(2);
  });

  it('a URL without password and ~/.pgpass connects', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'reconcile-home-'));
    const u = new URL(db.url);
    const file = path.join(home, '.pgpass');
    writeFileSync(file, `*:${u.port}:*:postgres:${password().replace(/[:\\]/g, '\\$&')}\n`);
    chmodSync(file, 0o600);
    const r = await verify(withoutPassword(db.url), { HOME: home, PGPASSFILE: '' });
    expect(r.code, r.stderr).toBe(2);
  });

  it('PG* variables alone (PGHOST, PGPORT, PGUSER, PGDATABASE) with PGPASSFILE connect; an empty DATABASE_URL counts as unset', async () => {
    const u = new URL(db.url);
    const file = path.join(dir, 'pgpass-env');
    writeFileSync(file, `${u.hostname}:${u.port}:${db.name}:postgres:${password().replace(/[:\\]/g, '\\$&')}\n`);
    chmodSync(file, 0o600);
    const r = await verify(null, { PGHOST: u.hostname, PGPORT: u.port, PGUSER: 'postgres', PGDATABASE: db.name, PGPASSFILE: file });
    expect(r.code, r.stderr).toBe(2);
  });

  it('without any password the failure is one clear line', async () => {
    const r = await verify(withoutPassword(db.url));
    expect(r.code).toBe(1);
    // (It used to hang: the driver's SCRAM error left the pool's socket open and the process never exited.)
    expect(oneLine(r)).toMatch(/^reconcile: the server at postgres:\/\/postgres@[^ ]+ asks for a password and none was given \(put it in the URL, PGPASSWORD or ~\/\.pgpass/);
  });
});

describe('application_name', () => {
  /** Start `apply` blocked on the run lock, read pg_stat_activity while it waits, then interrupt it. */
  async function appNameWhileWaiting(url: string): Promise<string[]> {
    const holder = new pg.Client(db.url);
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1, $2)', [...ADVISORY_KEYS]);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'apply', '--url', url, '--from', declared, '--wait', '60s'], {
      cwd: ROOT,
      env: { ...process.env, ...clean },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
    try {
      for (let i = 0; i < 300; i++) {
        const r = await holder.query<{ app: string }>(
          "SELECT application_name AS app FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_try_advisory_lock%' AND pid <> pg_backend_pid()",
        );
        if (r.rows.length > 0) return r.rows.map((x) => x.app);
        await new Promise((res) => setTimeout(res, 200));
      }
      return [];
    } finally {
      child.kill('SIGINT');
      await closed;
      await holder.end();
    }
  }

  it('is pg-reconcile by default, and the URL can set another', async () => {
    checks += 2;
    expect(await appNameWhileWaiting(db.url)).toEqual(['pg-reconcile']);
    expect(await appNameWhileWaiting(withParams(db.url, { application_name: 'nightly repair' }))).toEqual(['nightly repair']);
  });
});
