/**
 * Passwords never appear in any output: every command, in every format, on
 * success and on error, with the password in the URL (user info or `password=`
 * parameter), in DATABASE_URL, in PGPASSWORD, in a --from or --shadow URL. Scans
 * stdout, stderr, every file the commands wrote (plans, the declared-model
 * cache), in raw, percent-encoded and base64 forms.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import { adminUrl, createDatabase, type TestDb } from '../helpers/db.js';
import { recordStats } from '../property/stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DJANGO_TREE = path.join(ROOT, 'schemas/chat/django');

/** Distinctive, with characters that must be percent-encoded in a URL. */
const PASSWORD = `Zq7:p@ss/w%rd#${randomBytes(6).toString('hex')}`;
const WRONG = `Wr0ng:p@ss#${randomBytes(6).toString('hex')}`;
const ROLE = `secret_${randomBytes(4).toString('hex')}`;

const DECLARED = `CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), note text);
CREATE INDEX orders_user_idx ON orders (user_id);
`;
const LIVE = `CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);
INSERT INTO users VALUES (1, 'a@x.org');
INSERT INTO orders VALUES (1, 1);
`;

/** Every form in which the password could leak. */
function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), secret.replace(/[:@/%#]/g, (c) => encodeURIComponent(c)), Buffer.from(secret).toString('base64'), secret.slice(0, 12)];
}

function withCredentials(url: string, user: string, password: string, host?: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  if (host) u.host = host;
  return u.toString();
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

const dbs: TestDb[] = [];
let dir: string;
let cacheDir: string;
let live: TestDb;
let reference: TestDb;
let url: string;
let refUrl: string;
let declared: string;
const runs: { args: string[]; run: CliRun }[] = [];

async function admin(sql: string): Promise<void> {
  const c = new pg.Client(adminUrl());
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const run = await runCli(args, { XDG_CACHE_HOME: cacheDir, ...env });
  runs.push({ args, run });
  return run;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-secrets-'));
  cacheDir = path.join(dir, 'cache');
  declared = path.join(dir, 'declared.sql');
  writeFileSync(declared, DECLARED);
  await admin(`CREATE ROLE "${ROLE}" LOGIN SUPERUSER PASSWORD '${PASSWORD.replaceAll("'", "''")}'`);
  live = await createDatabase('secrets');
  reference = await createDatabase('secrets_ref');
  dbs.push(live, reference);
  await live.exec(LIVE);
  await reference.exec(DECLARED);
  url = withCredentials(live.url, ROLE, PASSWORD);
  refUrl = withCredentials(reference.url, ROLE, PASSWORD);
});

afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
  await admin(`DROP ROLE IF EXISTS "${ROLE}"`);
  recordStats({ suite: 'secrets', secretsChecks: runs.length, failures: 0 });
});

describe('passwords never appear in any output', () => {
  it('runs every command in every format, on success and on error', async () => {
    const out = (name: string): string => path.join(dir, name);
    const host = new URL(live.url).host;
    const uncached = out('uncached.sql');
    writeFileSync(uncached, `-- not cached\n${DECLARED}`);
    const pgEnv = { PGHOST: new URL(live.url).hostname, PGPORT: new URL(live.url).port, PGUSER: ROLE, PGPASSWORD: PASSWORD, PGDATABASE: live.name };
    const expectations: [string[], Record<string, string>, number][] = [
      [['inspect', '--url', url], {}, 0],
      [['inspect', '--url', url, '--json'], {}, 0],
      [['inspect', '--from', refUrl, '--json'], {}, 0],
      [['inspect', '--from', declared, '--shadow', url, '--json'], {}, 0],
      [['plan', '--url', url, '--from', declared, '--format', 'sql'], {}, 2],
      [['plan', '--url', url, '--from', declared, '--format', 'text'], {}, 2],
      [['plan', '--url', url, '--from', declared, '--format', 'json'], {}, 2],
      [['plan', '--url', url, '--from', declared, '--out', out('plan.sql')], {}, 2],
      [['plan', '--url', url, '--from', declared, '--out', out('plan.json')], {}, 2],
      [['plan', '--url', url, '--from', refUrl, '--format', 'sql'], {}, 2],
      [['plan', '--url', url, '--from', refUrl, '--out', out('plan-ref.json')], {}, 2],
      [['plan', '--url', url, '--from', declared, '--shadow', url, '--format', 'text'], {}, 2],
      [['verify', '--url', url, '--from', declared], {}, 2],
      [['verify', '--from', declared], { DATABASE_URL: url }, 2],
      [['verify', '--from', declared], pgEnv, 2],
      [['status', '--url', url, '--from', DJANGO_TREE], {}, 2],
      [['status', '--url', url, '--from', DJANGO_TREE, '--format', 'json'], {}, 2],
      [['apply', '--url', url, '--from', declared, '--dry-run'], {}, 0],
      [['apply', '--url', url, '--from', declared, '--dry-run', '--format', 'json'], {}, 0],
      [['apply', '--url', url, '--plan', out('plan.json'), '--dry-run'], {}, 0],
      [['locks', '--url', url], {}, 0],
      [['locks', '--url', url, '--format', 'json'], {}, 0],
      // errors: wrong password, missing database, bad URLs, bad sources, refusals
      [['plan', '--url', withCredentials(live.url, ROLE, WRONG), '--from', declared], {}, 1],
      [['verify', '--from', declared], { ...pgEnv, PGPASSWORD: WRONG }, 1],
      [['plan', '--url', withCredentials(live.url.replace(live.name, 'no_such_db'), ROLE, PASSWORD), '--from', declared], {}, 1],
      [['plan', '--url', `postgres://${ROLE}:${encodeURIComponent(PASSWORD)}@${host}/${live.name}?sslmode=require`, '--from', declared], {}, 1],
      [['plan', '--url', `postgres://${ROLE}:${encodeURIComponent(PASSWORD)}@127.0.0.1:notaport/db`, '--from', declared], {}, 1],
      [['plan', '--url', `postgres://${ROLE}@${host}/${live.name}?password=${encodeURIComponent(WRONG)}`, '--from', declared], {}, 1],
      [['plan', '--url', `mysql://${ROLE}:${encodeURIComponent(PASSWORD)}@${host}/x`, '--from', declared], {}, 1],
      [['plan', '--url', `postgres://${ROLE}:${encodeURIComponent(PASSWORD)}@127.0.0.1:1/x`, '--from', declared], {}, 1],
      [['plan', '--url', url, '--from', withCredentials(reference.url.replace(reference.name, 'no_such_ref'), ROLE, PASSWORD)], {}, 1],
      // (another file: the model of declared.sql is cached, the shadow would not be opened)
      [['plan', '--url', url, '--from', uncached, '--shadow', withCredentials(live.url, ROLE, WRONG)], {}, 1],
    ];
    for (const [args, env, code] of expectations) {
      const r = await cli(args, env);
      expect(r.code, `${args.join(' ')}\n${r.stdout.slice(-1500)}\n${r.stderr}`).toBe(code);
    }
    const applied = await cli(['apply', '--url', url, '--from', declared]);
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const again = await cli(['apply', '--url', url, '--plan', out('plan.json')]);
    expect(again.code, again.stdout + again.stderr).toBe(3); // stale plan: refused, naming the target without its password

    const leaks: string[] = [];
    for (const { args, run } of runs) {
      for (const secret of [PASSWORD, WRONG]) {
        for (const f of forms(secret)) {
          if (run.stdout.includes(f) || run.stderr.includes(f)) leaks.push(`${args.join(' ')}: ${JSON.stringify(f)}`);
        }
      }
    }
    for (const file of filesUnder(dir)) {
      const text = readFileSync(file, 'latin1') + readFileSync(file, 'utf8');
      for (const secret of [PASSWORD, WRONG]) for (const f of forms(secret)) if (text.includes(f)) leaks.push(`${path.relative(dir, file)}: ${JSON.stringify(f)}`);
    }
    expect(leaks).toEqual([]);
    // The outputs still say where: user, host and database.
    expect(runs[4]?.run.stdout).toContain(`-- target:      postgres://${ROLE}@${host}/${live.name}`);
    expect(runs[9]?.run.stdout).toContain(`-- source:      postgres://${ROLE}@${host}/${reference.name}`);
    // 35 processes one after another: on a loaded 2-core machine that takes well over the default minute.
  }, 600_000);
});
