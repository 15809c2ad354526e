/**
 * The golang-migrate ledger on test/fixtures/golang-migrate/shop, every state built as
 * golang-migrate builds it (sql-tools-engine.ts): `schema_migrations(version bigint, dirty
 * boolean)` as `database/postgres/postgres.go` `ensureVersionTable` creates it, one row written by
 * `SetVersion` (TRUNCATE + INSERT), `up` setting (v, true) then (v, false) (`migrate.go`), `force`.
 * After every repair, golang-migrate's own `up` runs nothing and is not refused as dirty.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRepair } from '../../src/api/plan.js';
import { loadDeclared } from '../../src/declared/index.js';
import { golangMigrateLedger } from '../../src/ledger/golang-migrate.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { NO_CACHE, ROOT } from '../declared/helpers.js';
import { cli, markLines, repair, status, text } from './helpers.js';
import { gmRows, migrateForce, migrateUp } from './sql-tools-engine.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'golang-migrate', 'shop');
const dbs: TestDb[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
});
async function fresh(): Promise<TestDb> {
  const db = await createDatabase('ledger_gm');
  dbs.push(db);
  return db;
}
const VERIFIED = [
  ' [X] 000001_create_customer.up.sql  verified: 1 enum change, 1 sequence, 1 table',
  ' [X] 000002_create_orders.up.sql    verified: 1 sequence, 1 table',
  ' [X] 000003_order_reference.up.sql  verified: 1 column, 1 index',
];
const ledgerSql = (p: { statements: readonly { phase: string; sql: string }[] }): string[] => p.statements.filter((s) => s.phase === 'ledger').map((s) => s.sql);
/** golang-migrate afterwards: one row (3, false), and up has nothing to run. */
async function migrateAccepts(db: TestDb): Promise<void> {
  expect(await gmRows(db)).toEqual([{ version: '3', dirty: false }]);
  expect(await migrateUp(db, DIR)).toEqual([]);
}

describe('golang-migrate ledger', () => {
  it('clean: migrate up leaves (3, false): every migration verified, nothing to do', async () => {
    const db = await fresh();
    expect(await migrateUp(db, DIR)).toEqual([1, 2, 3]);
    const r = await status(db, DIR);
    expect(text(r).split('\n').slice(0, 2)).toEqual([`Source: ${DIR} (golang-migrate-folder)`, 'Ledger: golang-migrate (public.schema_migrations)']);
    expect(markLines(r)).toEqual(VERIFIED);
    expect(r.inSync).toBe(true);
    expect((await planRepair({ url: db.url, from: DIR, ledger: {} })).plan.statements).toEqual([]);
  });

  it('faked (migrate force 3 after only 1 ran): [F]; the repair makes the objects and leaves the row', async () => {
    const db = await fresh();
    await migrateUp(db, DIR, 1);
    await migrateForce(db, 3);
    expect(markLines(await status(db, DIR))).toEqual([
      VERIFIED[0],
      ' [F] 000002_create_orders.up.sql    faked: recorded, but 1 sequence, 1 table missing',
      ' [F] 000003_order_reference.up.sql  faked: recorded, but 1 column, 1 index missing',
    ]);
    const p = await planRepair({ url: db.url, from: DIR, ledger: {} });
    expect(ledgerSql(p.plan)).toEqual([]);
    const run = await cli('apply', '--url', db.url, '--from', DIR);
    expect(run.code, run.stderr).toBe(0);
    expect(markLines(await status(db, DIR))).toEqual(VERIFIED);
    await migrateAccepts(db);
  });

  it('dirty (3 failed half-way): reported with why migrate refuses; repaired and recorded as migrate force 3 writes it', async () => {
    const db = await fresh();
    await migrateUp(db, DIR, 2);
    // The column was added by hand to get a hotfix out; migrate then fails on it half-way and leaves the version dirty.
    await db.exec('ALTER TABLE orders ADD COLUMN reference text');
    await expect(migrateUp(db, DIR)).rejects.toThrow(/migration failed: column "reference" of relation "orders" already exists/);
    expect(await gmRows(db)).toEqual([{ version: '3', dirty: true }]);
    await expect(migrateUp(db, DIR)).rejects.toThrow('Dirty database version 3. Fix and force version.');
    const r = await status(db, DIR);
    expect(markLines(r)[2]).toBe(
      ' [R] 000003_order_reference.up.sql  not recorded; partly present: 1 of 2 effects missing; dirty: golang-migrate stopped while running it (half-applied); migrate refuses to run until migrate force 3',
    );
    expect(r.inSync).toBe(false);
    const { plan } = await repair(db, DIR);
    expect(plan.statements.filter((s) => s.phase === 'ledger').map((s) => s.description)).toEqual([
      'record every migration up to 000003_order_reference as applied: version 3, not dirty, as migrate force 3 writes it',
      'write the row (3, false)',
      'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    ]);
    expect(markLines(await status(db, DIR))).toEqual(VERIFIED);
    await migrateAccepts(db);
  });

  it('ledger lost: a truncated table (migrate force -1) is [R] and rewritten; a dropped one is created only with --ledger golang-migrate', async () => {
    const db = await fresh();
    await migrateUp(db, DIR);
    await db.exec('TRUNCATE schema_migrations');
    expect(markLines(await status(db, DIR)).map((l) => l.slice(0, 4))).toEqual([' [R]', ' [R]', ' [R]']);
    const { script } = await repair(db, DIR);
    expect(script).toContain(
      'INSERT INTO "public"."schema_migrations" ("version", "dirty") SELECT 3, false WHERE NOT EXISTS (SELECT 1 FROM "public"."schema_migrations" WHERE "version" = 3 AND NOT "dirty");',
    );
    await migrateAccepts(db);

    await db.exec('DROP TABLE schema_migrations');
    const auto = await planRepair({ url: db.url, from: DIR, ledger: {} });
    expect(auto.plan.statements).toEqual([]);
    expect(auto.plan.notes.map((n) => n.message)).toContainEqual(expect.stringContaining('the golang-migrate ledger public.schema_migrations does not exist: 3 migrations left unrecorded'));
    const named = await cli('apply', '--url', db.url, '--from', DIR, '--ledger', 'golang-migrate');
    expect(named.code, named.stderr).toBe(0);
    const reference = await fresh();
    await migrateForce(reference, 3);
    const table = async (d: TestDb) => (await d.inspect(['public'])).tables.find((t) => t.name === 'schema_migrations');
    expect(await table(db)).toEqual(await table(reference));
    await migrateAccepts(db);
    expect(await db.query("SELECT to_regclass('public.flyway_schema_history') AS f, to_regclass('public.goose_db_version') AS g")).toEqual([{ f: null, g: null }]);
  });

  it('a version the folder lacks is listed; a dbmate ledger under the same name is refused, not guessed', async () => {
    const db = await fresh();
    await migrateUp(db, DIR);
    await migrateForce(db, 7);
    const r = await status(db, DIR);
    expect(markLines(r)).toEqual(VERIFIED);
    expect(text(r)).toContain('the version 7 names no migration of the folder: migrate fails ("no migration found for version 7")');
    const other = await fresh();
    await other.exec('create table if not exists "public"."schema_migrations" (version varchar(255) primary key)');
    await expect(status(other, DIR)).rejects.toThrow(/public\.schema_migrations is not golang-migrate's migration ledger: it has no column dirty \(it has version\)/);
  });

  it('one version row records a prefix only: a migration after one that stays unapplied is left unrecorded, with why', async () => {
    const db = await fresh();
    await migrateUp(db, DIR, 1);
    const { migrations } = await loadDeclared(DIR, NO_CACHE);
    const reading = await golangMigrateLedger.read({ query: async <R extends object>(sql: string, params?: unknown[]) => ({ rows: await db.query<R>(sql, params) }) });
    const match = golangMigrateLedger.match(reading, migrations, { kind: 'golang-migrate-folder', location: DIR });
    const third = migrations.filter((m) => m.key === '000003_order_reference');
    expect(golangMigrateLedger.limitRecord?.(match, third, migrations)).toEqual({
      record: [],
      notes: ['000003_order_reference left unrecorded: golang-migrate records one version, and 000002_create_orders before it is not applied'],
    });
    expect(golangMigrateLedger.limitRecord?.(match, migrations.slice(1), migrations)?.record.map((m) => m.key)).toEqual(['000002_create_orders', '000003_order_reference']);
  });
});
