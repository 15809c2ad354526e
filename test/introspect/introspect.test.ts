import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConnection } from '../../src/db/connection.js';
import { openPool } from '../../src/db/pool.js';
import { inspect } from '../../src/introspect/index.js';
import { inspectConnection } from '../../src/introspect/live.js';
import type { Schema } from '../../src/model/types.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { versionNeutral } from '../helpers/model.js';

const FIXTURE = readFileSync(new URL('./fixtures/full.sql', import.meta.url), 'utf8');
const EXPECTED = JSON.parse(readFileSync(new URL('./fixtures/full.expected.json', import.meta.url), 'utf8')) as unknown;

describe('introspection of every object kind', () => {
  let db: TestDb;
  let model: Schema;
  beforeAll(async () => {
    db = await createDatabase('introspect');
    await db.exec(FIXTURE);
    model = await db.inspect();
  });
  afterAll(async () => db?.drop());

  it('matches the expected model (same golden file on PostgreSQL 14 and 18)', () => {
    // UPDATE_GOLDEN=1 rewrites the golden file (as test/cases does); check the diff by hand.
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(new URL('./fixtures/full.expected.json', import.meta.url), `${JSON.stringify(versionNeutral(model), null, 2)}\n`);
    expect(versionNeutral(model)).toEqual(EXPECTED);
  });

  it('reads the same model from a second database built from the same DDL (new OIDs)', async () => {
    const other = await createDatabase('introspect_oids');
    try {
      // Shift every OID the fixture will get.
      await other.exec('CREATE TABLE filler AS SELECT g FROM generate_series(1, 10) g; CREATE TYPE filler_t AS ENUM (\'x\'); DROP TABLE filler; DROP TYPE filler_t;');
      await other.exec(FIXTURE);
      expect(await other.inspect()).toEqual(model);
    } finally {
      await other.drop();
    }
  });

  it('reads only the schemas asked for, and names an unknown one', async () => {
    const only = await db.inspect(['Odd Schema']);
    expect(only.schemas).toEqual(['Odd Schema']);
    expect(only.tables.map((t) => t.name)).toEqual(['Weird "Table"; DROP TABLE x; --', 'child']);
    expect(only.enums.map((e) => e.name)).toEqual(['Select']);
    await expect(db.inspect(['app', 'nope'])).rejects.toThrow(/schema "nope" does not exist/);
  });

  it('refuses a session whose search_path would make names ambiguous', async () => {
    const pool = await openPool(resolveConnection({ url: db.url }), { max: 1 });
    try {
      await expect(inspect(pool)).rejects.toThrow(/search_path = pg_catalog/);
    } finally {
      await pool.end();
    }
  });
});

describe('state left behind by failed or partial work', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createDatabase('introspect_state');
  });
  afterAll(async () => db?.drop());

  it('marks an index left invalid by a failed CREATE INDEX CONCURRENTLY', async () => {
    await db.exec("CREATE TABLE t (id int, v text); INSERT INTO t VALUES (1, 'a'), (2, 'a');");
    await expect(db.exec('CREATE UNIQUE INDEX CONCURRENTLY t_v_key ON t (v)')).rejects.toThrow(/could not create unique index/);
    const model = await db.inspect(['public']);
    const ix = model.tables.find((t) => t.name === 't')?.indexes.find((i) => i.name === 't_v_key');
    expect(ix).toMatchObject({ valid: false, unique: true, keys: [{ column: 'v' }] });
  });

  it('leaves out objects that belong to an extension', async () => {
    await db.exec('CREATE EXTENSION IF NOT EXISTS pg_stat_statements; CREATE EXTENSION IF NOT EXISTS citext; CREATE TABLE mine (x citext);');
    const model = await db.inspect(['public']);
    expect(model.views.map((v) => v.name)).toEqual([]);
    expect(model.extensions.map((e) => e.name)).toEqual(expect.arrayContaining(['citext', 'pg_stat_statements']));
    expect(model.tables.find((t) => t.name === 'mine')?.columns[0]?.type).toBe('public.citext');
  });

  it('gives up with one clear error when a session holds an exclusive lock on a table it must read', async () => {
    await db.exec('CREATE TABLE guarded (id int CHECK (id > 0))');
    const holder = new pg.Client(db.url);
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE guarded IN ACCESS EXCLUSIVE MODE');
      await expect(db.inspect(['public'])).rejects.toMatchObject({ code: 'refused', message: expect.stringMatching(/waited 10s for a table lock/) });
    } finally {
      await holder.end();
    }
  }, 90_000);

  it('counts a table with thousands of columns across many tables in one pass', async () => {
    const ddl = Array.from({ length: 200 }, (_, i) => `CREATE TABLE bulk_${i} (id int PRIMARY KEY, a text, b int REFERENCES bulk_${Math.max(0, i - 1)} (id) DEFERRABLE);`);
    // bulk_0 references itself: a self-reference.
    await db.exec(ddl.join('\n'));
    const model = await inspectConnection(db.connection, { schemas: ['public'] });
    const bulk = model.schema.tables.filter((t) => t.name.startsWith('bulk_'));
    expect(bulk).toHaveLength(200);
    expect(bulk.every((t) => t.foreignKeys.length === 1 && t.foreignKeys[0]?.deferrable === true)).toBe(true);
    expect(bulk.find((t) => t.name === 'bulk_0')?.foreignKeys[0]?.references).toEqual({ schema: 'public', name: 'bulk_0' });
  });
});
