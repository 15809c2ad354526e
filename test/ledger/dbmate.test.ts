/**
 * The dbmate ledger on test/fixtures/dbmate/shop, every state built as dbmate builds it
 * (sql-tools-engine.ts): `schema_migrations(version varchar(255) primary key)` as
 * `pkg/driver/postgres/postgres.go` `CreateMigrationsTable` creates it, a row per migration
 * (`InsertMigration`), pending = no row, in file order (`pkg/dbmate/db.go`); the last migration
 * runs outside a transaction (`-- migrate:up transaction:false`, `CREATE INDEX CONCURRENTLY`), so a
 * failure in it leaves it half-applied with no row. After every repair, dbmate's own `up` runs nothing.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRepair } from '../../src/api/plan.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { ROOT } from '../declared/helpers.js';
import { cli, markLines, repair, status, text } from './helpers.js';
import { dbmateRows, dbmateUp } from './sql-tools-engine.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'dbmate', 'shop');
const VERSIONS = ['20240110093000', '20240112141500', '20240120080000'];
const dbs: TestDb[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
});
async function fresh(): Promise<TestDb> {
  const db = await createDatabase('ledger_dbmate');
  dbs.push(db);
  return db;
}
const VERIFIED = [
  ' [X] 20240110093000_create_customer.sql  verified: 1 enum change, 1 sequence, 1 table',
  ' [X] 20240112141500_create_orders.sql    verified: 1 sequence, 1 table',
  ' [X] 20240120080000_order_reference.sql  verified: 1 column, 1 index',
];
async function dbmateAccepts(db: TestDb): Promise<void> {
  expect(await dbmateRows(db)).toEqual(VERSIONS);
  expect(await dbmateUp(db, DIR)).toEqual([]);
}

describe('dbmate ledger', () => {
  it('clean: what dbmate up leaves is verified, the plan empty', async () => {
    const db = await fresh();
    expect(await dbmateUp(db, DIR)).toEqual(VERSIONS);
    const r = await status(db, DIR);
    expect(text(r).split('\n').slice(0, 2)).toEqual([`Source: ${DIR} (dbmate-folder)`, 'Ledger: dbmate (public.schema_migrations)']);
    expect(markLines(r)).toEqual(VERIFIED);
    expect(r.migrations[0]?.rows[0]?.values).toEqual({ version: VERSIONS[0] });
    expect((await planRepair({ url: db.url, from: DIR, ledger: {} })).plan.statements).toEqual([]);
  });

  it('faked (a row inserted without running the file): [F]; the repair makes the objects, the rows kept', async () => {
    const db = await fresh();
    await dbmateUp(db, DIR, [VERSIONS[0]!]);
    await db.query('insert into "public"."schema_migrations" (version) values ($1)', [VERSIONS[1]]);
    expect(markLines(await status(db, DIR))).toEqual([VERIFIED[0], ' [F] 20240112141500_create_orders.sql    faked: recorded, but 1 sequence, 1 table missing', ' [ ] 20240120080000_order_reference.sql  pending: 1 column, 1 index']);
    // dbmate itself would run 3 on the missing table and fail.
    const run = await cli('apply', '--url', db.url, '--from', DIR);
    expect(run.code, run.stderr).toBe(0);
    // The repair made 3's objects too: recorded, so dbmate will not run it again.
    expect(markLines(await status(db, DIR))).toEqual(VERIFIED);
    await dbmateAccepts(db);
  });

  it('half-applied (transaction:false, stopped after the column): [R] partial; once the index is made it is recorded', async () => {
    const db = await fresh();
    await dbmateUp(db, DIR, VERSIONS.slice(0, 2));
    await db.exec("INSERT INTO customer (email) VALUES ('a@example.com'); INSERT INTO orders (customer_id, total_cents) VALUES (1, 1);");
    // What dbmate leaves when the CONCURRENTLY index fails after the column was added (no transaction, no row).
    await db.exec('ALTER TABLE orders ADD COLUMN reference text');
    expect(markLines(await status(db, DIR))[2]).toBe(' [R] 20240120080000_order_reference.sql  not recorded; partly present: 1 of 2 effects missing');
    const { plan } = await repair(db, DIR);
    expect(plan.statements.filter((s) => s.phase === 'ledger').map((s) => s.sql)[0]).toBe(
      `INSERT INTO "public"."schema_migrations" ("version") SELECT '20240120080000' WHERE NOT EXISTS (SELECT 1 FROM "public"."schema_migrations" WHERE "version" = '20240120080000')`,
    );
    expect(markLines(await status(db, DIR))).toEqual(VERIFIED);
    await dbmateAccepts(db);
  });

  it('ledger lost: rows deleted are [R] and re-inserted; a dropped table is created only with --ledger dbmate, as dbmate creates it', async () => {
    const db = await fresh();
    await dbmateUp(db, DIR);
    await db.exec('DELETE FROM schema_migrations');
    expect(markLines(await status(db, DIR)).map((l) => l.slice(0, 4))).toEqual([' [R]', ' [R]', ' [R]']);
    await repair(db, DIR);
    await dbmateAccepts(db);
    await db.exec('DROP TABLE schema_migrations');
    const auto = await planRepair({ url: db.url, from: DIR, ledger: {} });
    expect(auto.plan.statements).toEqual([]);
    expect(auto.plan.notes.map((n) => n.message)).toContainEqual(expect.stringContaining('the dbmate ledger public.schema_migrations does not exist: 3 migrations left unrecorded'));
    const named = await cli('apply', '--url', db.url, '--from', DIR, '--ledger', 'dbmate');
    expect(named.code, named.stderr).toBe(0);
    const reference = await fresh();
    await reference.exec('create table if not exists "public"."schema_migrations" (version varchar(255) primary key)');
    const table = async (d: TestDb) => (await d.inspect(['public'])).tables.find((t) => t.name === 'schema_migrations');
    expect(await table(db)).toEqual(await table(reference));
    await dbmateAccepts(db);
  });

  it("golang-migrate's schema_migrations is refused, not read as dbmate's; unknown rows are listed and pruned when asked", async () => {
    const db = await fresh();
    await db.exec('CREATE TABLE schema_migrations (version bigint not null primary key, dirty boolean not null)');
    await expect(status(db, DIR)).rejects.toThrow("public.schema_migrations is golang-migrate's ledger (it has a dirty column), not dbmate's");
    const other = await fresh();
    await dbmateUp(other, DIR);
    await other.query('insert into schema_migrations (version) values ($1)', ['20231201000000']);
    expect(text(await status(other, DIR))).toMatch(/Recorded, but no such migration in the source .*\n \[!\] version 20231201000000\n/);
    await repair(other, DIR, { prune: true });
    await dbmateAccepts(other);
  });
});
