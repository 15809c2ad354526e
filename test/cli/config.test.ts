import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';

const LIVE = 'CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);';
const MORE = LIVE + ' CREATE INDEX users_email ON users (email);';

describe('configuration file', () => {
  let db: TestDb;
  let dir: string;
  beforeAll(async () => {
    db = await createDatabase('config');
    await db.exec(LIVE);
    dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-config-'));
    writeFileSync(path.join(dir, 'same.sql'), LIVE);
    writeFileSync(path.join(dir, 'more.sql'), MORE);
    mkdirSync(path.join(dir, 'sub'));
  });
  afterAll(async () => db?.drop());

  it('is found upward and supplies url (through urlEnv) and from', async () => {
    writeFileSync(path.join(dir, 'reconcile.config.json'), JSON.stringify({ urlEnv: 'APP_DB', from: path.join(dir, 'same.sql') }));
    const run = await runCli(['verify'], { APP_DB: db.url }, 60_000, path.join(dir, 'sub'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('loses to the command line', async () => {
    writeFileSync(path.join(dir, 'reconcile.config.json'), JSON.stringify({ url: db.url, from: path.join(dir, 'same.sql') }));
    const run = await runCli(['verify', '--from', path.join(dir, 'more.sql')], {}, 60_000, path.join(dir, 'sub'));
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/index users_email on public\.users missing/);
  });

  it('names an unknown key, a wrong type, and a missing variable, with exit 1', async () => {
    const cfg = path.join(dir, 'bad.json');
    writeFileSync(cfg, JSON.stringify({ from: 'x.sql', lockTimeot: '2s' }));
    let run = await runCli(['verify', '--config', cfg]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/unknown key "lockTimeot"/);
    writeFileSync(cfg, JSON.stringify({ schemas: 'public' }));
    run = await runCli(['verify', '--config', cfg]);
    expect(run.stderr).toMatch(/"schemas" must be a list of strings/);
    writeFileSync(cfg, JSON.stringify({ urlEnv: 'NOT_SET_ANYWHERE' }));
    run = await runCli(['verify', '--config', cfg]);
    expect(run.stderr).toMatch(/names NOT_SET_ANYWHERE for the URL, but it is not set/);
  });
});

describe('library API', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createDatabase('api');
    await db.exec(LIVE + " INSERT INTO users VALUES (1, 'a@b');");
  });
  afterAll(async () => db?.drop());

  it('inspects, plans, applies and compares through the package entry point', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-api-'));
    const more = path.join(dir, 'more.sql');
    writeFileSync(more, MORE);
    const live = await api.inspect({ url: db.url });
    expect(live.schema.tables.map((t) => t.name)).toEqual(['users']);
    const planned = await api.plan({ url: db.url, from: more });
    expect(planned.plan.statements.map((s) => s.description)).toContain('create index users_email on public.users concurrently');
    const report = await api.apply({ url: db.url, from: more });
    expect(report.complete).toBe(true);
    expect(report.stillNeeded).toEqual([]);
    const declared = await api.loadDeclared(more);
    const after = await api.inspect({ url: db.url });
    expect(api.compare(declared.schema, after.schema).filter((c) => !api.isInformational(c))).toEqual([]);
  });
});
