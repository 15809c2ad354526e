/**
 * A sequence that becomes the nextval default of columns holding values is advanced
 * past them: the application's next INSERT without an id gets a free one. Checked by
 * inserting after the repair, through the psql script and through `apply`, for a
 * sequence the plan creates (shared by two tables), an existing one that is behind,
 * one already ahead (never moved back) and a descending one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nextvalSequence } from '../../src/plan/build-sequence-advance.js';
import { runCli } from '../helpers/cli.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { runScript } from '../helpers/script.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-seq-advance-'));
const declared = (name: string, sql: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, sql);
  return file;
};

const SHARED = declared(
  'shared.sql',
  `CREATE SEQUENCE global_id_seq;
CREATE TABLE customers (id bigint PRIMARY KEY DEFAULT nextval('global_id_seq'), name text NOT NULL);
CREATE TABLE suppliers (id bigint PRIMARY KEY DEFAULT nextval('global_id_seq'), name text NOT NULL);
CREATE SEQUENCE down_seq INCREMENT BY -1 MINVALUE -1000 MAXVALUE -1 START -1;
CREATE TABLE credits (id integer PRIMARY KEY DEFAULT nextval('down_seq'));`,
);
const LIVE_SHARED = `CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE suppliers (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO customers SELECT g, 'c' || g FROM generate_series(1, 12, 2) g;
INSERT INTO suppliers SELECT g, 's' || g FROM generate_series(2, 12, 2) g;
CREATE TABLE credits (id integer PRIMARY KEY);
INSERT INTO credits SELECT -g FROM generate_series(1, 5) g;`;

const EXISTING = declared(
  'existing.sql',
  `CREATE SEQUENCE order_number_seq;
CREATE TABLE orders (id bigint PRIMARY KEY DEFAULT nextval('order_number_seq'));
CREATE SEQUENCE ticket_seq START 500;
CREATE TABLE tickets (id integer PRIMARY KEY DEFAULT nextval('ticket_seq'));`,
);
const LIVE_EXISTING = `CREATE SEQUENCE order_number_seq;
SELECT setval('order_number_seq', 3);
CREATE TABLE orders (id bigint PRIMARY KEY);
INSERT INTO orders SELECT g FROM generate_series(1, 20) g;
CREATE SEQUENCE ticket_seq START 500;
CREATE TABLE tickets (id integer PRIMARY KEY);
INSERT INTO tickets SELECT g FROM generate_series(1, 20) g;`;

describe('sequences advanced past the values of the columns they become the default of', () => {
  const dbs: TestDb[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });
  const fresh = async (sql: string): Promise<TestDb> => {
    const db = await createDatabase('seqadv');
    dbs.push(db);
    await db.exec(sql);
    return db;
  };
  const insertId = async (db: TestDb, sql: string): Promise<number> => Number((await db.query<{ id: string }>(`${sql} RETURNING id::text AS id`))[0]?.id);
  const lastValues = (db: TestDb): Promise<unknown[]> => db.query('SELECT sequencename, last_value::text FROM pg_sequences ORDER BY sequencename');

  it('finds the sequence of a nextval default, quoted names included, and nothing else', () => {
    expect(nextvalSequence(`nextval('public.global_id_seq'::regclass)`)).toEqual({ schema: 'public', name: 'global_id_seq' });
    expect(nextvalSequence(`nextval('"My ""Schema"""."it''s.seq"'::regclass)`)).toEqual({ schema: 'My "Schema"', name: "it's.seq" });
    expect(nextvalSequence(`(nextval('public.s'::regclass))::text`)).toBeNull();
    expect(nextvalSequence(`nextval('s'::regclass)`)).toBeNull();
    expect(nextvalSequence(null)).toBeNull();
  });

  it('the psql script starts a created sequence past the largest id of both tables (and a descending one below the smallest); a second run changes nothing', async () => {
    const db = await fresh(LIVE_SHARED);
    const planned = await runCli(['plan', '--url', db.url, '--from', SHARED, '--format', 'sql']);
    expect(planned.code).toBe(2);
    expect(planned.stdout).toContain('advance sequence public.global_id_seq past the values public.customers.id, public.suppliers.id already hold');
    await runScript(db.url, planned.stdout);
    const after = await lastValues(db);
    await runScript(db.url, planned.stdout);
    expect(await lastValues(db)).toEqual(after);
    expect(await insertId(db, `INSERT INTO customers (name) VALUES ('new')`)).toBe(13);
    expect(await insertId(db, `INSERT INTO suppliers (name) VALUES ('new')`)).toBe(14);
    expect(await insertId(db, 'INSERT INTO credits DEFAULT VALUES')).toBe(-6);
  });

  it('apply advances an existing sequence that is behind and leaves one that is ahead', async () => {
    const db = await fresh(LIVE_EXISTING);
    const applied = await runCli(['apply', '--url', db.url, '--from', EXISTING]);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(await insertId(db, 'INSERT INTO orders DEFAULT VALUES')).toBe(21);
    expect(await insertId(db, 'INSERT INTO tickets DEFAULT VALUES')).toBe(500);
    expect((await runCli(['verify', '--url', db.url, '--from', EXISTING])).code).toBe(0);
  });
});
