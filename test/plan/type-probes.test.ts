/**
 * Type changes through the CLI as a user runs them: values that would not
 * convert stop the run before the ALTER (count, sample keys, hint), `--using`
 * makes it converge, casts PostgreSQL rejects are notes, and a collation-only
 * change passes apply's own final check.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { runCli } from '../helpers/cli.js';
import { runScript } from '../helpers/script.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-types-'));
const declared = (name: string, sql: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, sql);
  return file;
};

const ITEMS = declared('items.sql', 'CREATE TABLE items (id int PRIMARY KEY, price numeric(10,2), tags text[]);');
const LIVE_ITEMS = `CREATE TABLE items (id int PRIMARY KEY, price varchar(20), tags jsonb);
INSERT INTO items VALUES (1, '1.50', '["a"]'), (2, 'n/a', '[]'), (3, '2', '["b", "c"]');`;

describe('type change probes and --using', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });
  const fresh = async (sql: string): Promise<TestDb> => {
    const db = await createDatabase('types');
    dbs.push(db);
    await db.exec(sql);
    return db;
  };

  it('stops before the ALTER with the count and the key of the row that does not convert, and changes nothing', async () => {
    const db = await fresh(LIVE_ITEMS);
    const model = await db.inspect();
    const run = await runCli(['apply', '--url', db.url, '--from', ITEMS, '--allow-hazards', 'rewrite']);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain(
      `public.items.price cannot change from character varying(20) to numeric(10,2): 1 row(s) do not convert, e.g. id=2: 'n/a' (invalid input syntax for type numeric: "n/a")`,
    );
    expect(run.stdout + run.stderr).toContain(`--using 'public.items.price=EXPR'`);
    expect(await db.inspect()).toEqual(model);
  });

  it('withholds jsonb -> text[] with a note asking for --using, then converges with the expressions given', async () => {
    const db = await fresh(LIVE_ITEMS);
    const plan = await runCli(['plan', '--url', db.url, '--from', ITEMS, '--format', 'text', '--allow-hazards', 'rewrite', '--using', "items.price=NULLIF(price, 'n/a')::numeric"]);
    expect(plan.stdout).toContain(`public.items.tags: PostgreSQL has no cast from jsonb to text[] (cannot cast type jsonb to text[]); the type change is not planned: give the conversion as an expression over the row, --using 'public.items.tags=EXPR'`);
    expect(plan.stdout).not.toMatch(/USING CAST\("tags"/);

    const using = ['--using', "items.price=NULLIF(price, 'n/a')::numeric", "public.items.tags=translate(tags::text, '[]', '{}')::text[]"];
    const apply = await runCli(['apply', '--url', db.url, '--from', ITEMS, '--allow-hazards', 'rewrite', ...using]);
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/verified: the live database matches the plan/);
    const rows = await db.query<{ id: number; price: string | null; tags: string[] }>('SELECT id, price::text AS price, tags FROM items ORDER BY id');
    expect(rows).toEqual([
      { id: 1, price: '1.50', tags: ['a'] },
      { id: 2, price: null, tags: [] },
      { id: 3, price: '2.00', tags: ['b', 'c'] },
    ]);
    expect((await runCli(['verify', '--url', db.url, '--from', ITEMS])).code).toBe(0);
  });

  it('takes the expressions from the configuration file ("using")', async () => {
    const db = await fresh(LIVE_ITEMS);
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'reconcile-types-config-'));
    const using = ["items.price=NULLIF(price, 'n/a')::numeric", "public.items.tags=translate(tags::text, '[]', '{}')::text[]"];
    writeFileSync(path.join(cwd, 'reconcile.config.json'), JSON.stringify({ url: db.url, from: ITEMS, allowHazards: ['rewrite'], using }));
    const apply = await runCli(['apply'], {}, 120_000, cwd);
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    expect((await runCli(['verify'], {}, 60_000, cwd)).code).toBe(0);
    writeFileSync(path.join(cwd, 'reconcile.config.json'), JSON.stringify({ url: db.url, from: ITEMS, using: 'items.price=1' }));
    const bad = await runCli(['verify'], {}, 60_000, cwd);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"using" must be a list of strings/);
  });

  it('reports a --using expression PostgreSQL rejects, a --using that matches no change, and a malformed --using', async () => {
    const db = await fresh(LIVE_ITEMS);
    const plan = await runCli(['plan', '--url', db.url, '--from', ITEMS, '--format', 'text', '--using', 'items.price=nosuch::numeric', 'items.nope=1']);
    expect(plan.stdout).toContain('public.items.price: the --using expression for public.items.price is rejected by PostgreSQL (column "nosuch" does not exist)');
    expect(plan.stdout).toContain('--using public.items.nope: no type change of that column is planned');
    const bad = await runCli(['plan', '--url', db.url, '--from', ITEMS, '--using', 'price']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--using "price": expected "=" after schema.table.column');
  });

  it('probes a narrowing without a primary key (sample by ctid) in the psql script, and nothing changes', async () => {
    const db = await fresh(`CREATE TABLE notes (body text); INSERT INTO notes VALUES ('ok'), ('far too long'), ('ok too'), (NULL);`);
    const file = declared('notes.sql', 'CREATE TABLE notes (body varchar(3));');
    const out = path.join(dir, 'notes-plan.sql');
    const plan = await runCli(['plan', '--url', db.url, '--from', file, '--allow-hazards', 'rewrite', '--out', out]);
    expect(plan.code).not.toBe(1);
    const script = readFileSync(out, 'utf8');
    await expect(runScript(db.url, script)).rejects.toThrow(
      `public.notes.body cannot change from text to character varying(3): 2 row(s) do not convert, e.g. ctid (0,2): 'far too long' (value too long for type character varying(3)); ctid (0,3): 'ok too' (value too long for type character varying(3))`,
    );
    expect((await db.query<{ t: string }>(`SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute WHERE attrelid = 'notes'::regclass AND attname = 'body'`))[0]?.t).toBe('text');
  });

  it('apply converts timestamp to timestamptz without a rewrite while the database\'s own zone is not UTC', async () => {
    const db = await fresh(`CREATE TABLE calls (id int PRIMARY KEY, at timestamp NOT NULL); INSERT INTO calls VALUES (1, '2026-01-01 10:00');`);
    await db.exec(`ALTER DATABASE "${db.name}" SET TimeZone = 'America/New_York'`);
    const file = declared('calls.sql', 'CREATE TABLE calls (id int PRIMARY KEY, at timestamptz NOT NULL);');
    const node = async (): Promise<string> => (await db.query<{ f: string }>(`SELECT relfilenode::text AS f FROM pg_class WHERE relname = 'calls'`))[0]!.f;
    const before = await node();
    const apply = await runCli(['apply', '--url', db.url, '--from', file]);
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('change type of public.calls.at from timestamp without time zone to timestamp with time zone (no rewrite, under TimeZone UTC)');
    expect(await node()).toBe(before);
    const [row] = await db.query<{ utc: string; tz: string }>(`SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS utc, current_setting('TimeZone') AS tz FROM calls`);
    expect(row).toEqual({ utc: '2026-01-01 10:00', tz: 'America/New_York' });
  });

  it('a collation-only change passes apply\'s own final check', async () => {
    const db = await fresh(`CREATE TABLE users (id int PRIMARY KEY, login text); CREATE INDEX users_login ON users (login); INSERT INTO users VALUES (1, 'b'), (2, 'A');`);
    const file = declared('users.sql', 'CREATE TABLE users (id int PRIMARY KEY, login text COLLATE "C"); CREATE INDEX users_login ON users (login);');
    const apply = await runCli(['apply', '--url', db.url, '--from', file, '--allow-hazards', 'replace-index']);
    expect(apply.stderr).toBe('');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/verified: the live database matches the plan/);
    expect(apply.stdout).toMatch(/change collation of public\.users\.login from the default to "C"/);
    expect((await runCli(['verify', '--url', db.url, '--from', file])).code).toBe(0);
  });
});
