/**
 * The goose ledger on test/fixtures/goose/shop, every state built as goose builds it
 * (sql-tools-engine.ts): `goose_db_version` as `database/dialect/postgres.go` `CreateTable` creates
 * it with goose's own version 0 row, `(version_id, true)` per applied migration (`InsertVersion`),
 * applied = the latest row of the version (`ListMigrations`, ORDER BY id DESC), and `up` refusing
 * missing (out-of-order) migrations. After every repair, goose's own `up` runs nothing and refuses nothing.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRepair } from '../../src/api/plan.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { ROOT } from '../declared/helpers.js';
import { cli, markLines, repair, status, text } from './helpers.js';
import { GOOSE_DDL, gooseRows, gooseUp } from './sql-tools-engine.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'goose', 'shop');
const dbs: TestDb[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
});
async function fresh(): Promise<TestDb> {
  const db = await createDatabase('ledger_goose');
  dbs.push(db);
  return db;
}
const VERIFIED = [
  ' [X] 00001_create_customer.sql  verified: 1 enum change, 1 sequence, 1 table',
  ' [X] 00002_create_orders.sql    verified: 1 sequence, 1 table, 1 function',
  ' [X] 00003_order_reference.sql  verified: 1 column, 1 index',
];
const applied = async (db: TestDb): Promise<[string, boolean][]> => (await gooseRows(db)).map((r) => [r.version_id, r.is_applied]);
async function gooseAccepts(db: TestDb): Promise<void> {
  expect(await gooseUp(db, DIR)).toEqual([]);
  const rows = await gooseRows(db);
  for (const v of ['1', '2', '3']) expect(rows.filter((r) => r.version_id === v).at(-1)?.is_applied).toBe(true);
}

describe('goose ledger', () => {
  it('clean: goose up leaves rows 0..3; verified, the version 0 row is goose\'s own and never "unknown"', async () => {
    const db = await fresh();
    expect(await gooseUp(db, DIR)).toEqual([1, 2, 3]);
    const r = await status(db, DIR);
    expect(text(r).split('\n').slice(0, 2)).toEqual([`Source: ${DIR} (goose-folder)`, 'Ledger: goose (public.goose_db_version)']);
    expect(markLines(r)).toEqual(VERIFIED);
    expect(text(r)).not.toContain('no such migration');
    expect(r.inSync).toBe(true);
    expect((await planRepair({ url: db.url, from: DIR, ledger: {} })).plan.statements).toEqual([]);
  });

  it('faked (a row inserted by hand for 2): [F]; the repair makes the objects and records 3; goose then accepts the history', async () => {
    const db = await fresh();
    await gooseUp(db, DIR, { only: [1] });
    await db.query('INSERT INTO goose_db_version (version_id, is_applied) VALUES ($1, $2)', [2, true]);
    expect(markLines(await status(db, DIR))).toEqual([VERIFIED[0], ' [F] 00002_create_orders.sql    faked: recorded, but 1 sequence, 1 table, 1 function missing', ' [ ] 00003_order_reference.sql  pending: 1 column, 1 index']);
    const run = await cli('apply', '--url', db.url, '--from', DIR);
    expect(run.code, run.stderr).toBe(0);
    expect(markLines(await status(db, DIR))).toEqual(VERIFIED);
    expect(await applied(db)).toEqual([
      ['0', true],
      ['1', true],
      ['2', true],
      ['3', true],
    ]);
    await gooseAccepts(db);
  });

  it('rolled back in the ledger (an older goose wrote is_applied false) while its objects stayed: [R]; recorded with a new applied row', async () => {
    const db = await fresh();
    await gooseUp(db, DIR);
    await db.query('INSERT INTO goose_db_version (version_id, is_applied) VALUES ($1, $2)', [3, false]);
    const r = await status(db, DIR);
    expect(markLines(r)[2]).toBe(' [R] 00003_order_reference.sql  present but not recorded: 1 column, 1 index; rolled back (its latest row has is_applied false): goose up runs it again');
    const { plan } = await repair(db, DIR);
    expect(plan.statements.filter((s) => s.phase === 'ledger').map((s) => s.sql)[0]).toBe(
      'INSERT INTO "public"."goose_db_version" ("version_id", "is_applied") SELECT 3, true WHERE NOT EXISTS (SELECT 1 FROM "public"."goose_db_version" WHERE "version_id" = 3 AND "is_applied" AND "id" = (SELECT max("id") FROM "public"."goose_db_version" WHERE "version_id" = 3))',
    );
    expect(markLines(await status(db, DIR))).toEqual(VERIFIED);
    await gooseAccepts(db);
  });

  it('a missing migration (2 unrecorded below 3): goose up refuses; the repair records 2 and goose accepts again', async () => {
    const db = await fresh();
    await gooseUp(db, DIR);
    await db.exec('DELETE FROM goose_db_version WHERE version_id = 2');
    await expect(gooseUp(db, DIR)).rejects.toThrow('found 1 missing migrations before current version 3');
    expect(markLines(await status(db, DIR))[1]).toBe(' [R] 00002_create_orders.sql    present but not recorded: 1 sequence, 1 table, 1 function');
    await repair(db, DIR);
    await gooseAccepts(db);
  });

  it('ledger lost: a dropped table is created only with --ledger goose, as goose creates it, with its version 0 row', async () => {
    const db = await fresh();
    await gooseUp(db, DIR);
    await db.exec('DROP TABLE goose_db_version');
    expect(markLines(await status(db, DIR)).map((l) => l.slice(0, 4))).toEqual([' [R]', ' [R]', ' [R]']);
    const auto = await planRepair({ url: db.url, from: DIR, ledger: {} });
    expect(auto.plan.statements).toEqual([]);
    expect(auto.plan.notes.map((n) => n.message)).toContainEqual(expect.stringContaining('the goose ledger public.goose_db_version does not exist: 3 migrations left unrecorded'));
    const named = await cli('apply', '--url', db.url, '--from', DIR, '--ledger', 'goose');
    expect(named.code, named.stderr).toBe(0);
    expect(await applied(db)).toEqual([
      ['0', true],
      ['1', true],
      ['2', true],
      ['3', true],
    ]);
    const reference = await fresh();
    await reference.exec(GOOSE_DDL);
    const table = async (d: TestDb) => (await d.inspect(['public'])).tables.find((t) => t.name === 'goose_db_version');
    expect(await table(db)).toEqual(await table(reference));
    await gooseAccepts(db);
    expect(await db.query("SELECT to_regclass('public.schema_migrations') AS s")).toEqual([{ s: null }]);
  });
});
