/**
 * The Flyway ledger on a Flyway folder (test/fixtures/flyway/shop: V1, V1_1, sql/V2, R__), every
 * state built as Flyway builds it (sql-tools-engine.ts, which names the flyway/flyway files each
 * step follows): the table of `PostgreSQLDatabase.getRawCreateScript`, rows of
 * `JdbcTableSchemaHistory.doAddAppliedMigration`, checksums of `ChecksumCalculator`, failed rows
 * removed as `removeFailedMigrations` (`flyway repair`) does. After every repair, Flyway's own
 * validate passes and migrate has nothing left to run.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRepair } from '../../src/api/plan.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { ROOT } from '../declared/helpers.js';
import { cli, markLines, repair, status, text } from './helpers.js';
import { FLYWAY_DDL, flywayHistory, flywayMigrate, flywayScripts, flywayValidate } from './sql-tools-engine.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'flyway', 'shop');
const SCRIPTS = flywayScripts(DIR);
const checksum = (rel: string): number => SCRIPTS.find((s) => s.rel === rel)?.checksum ?? NaN;

const dbs: TestDb[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
});
async function fresh(): Promise<TestDb> {
  const db = await createDatabase('ledger_flyway');
  dbs.push(db);
  return db;
}

const marks = async (db: TestDb): Promise<string[]> => markLines(await status(db, DIR)).map((l) => l.slice(0, 4));
const noOtherLedger = async (db: TestDb): Promise<void> => {
  expect(await db.query("SELECT to_regclass('public.django_migrations') AS d, to_regclass('public._prisma_migrations') AS p, to_regclass('public.schema_migrations') AS s")).toEqual([
    { d: null, p: null, s: null },
  ]);
};
const VERSIONED = SCRIPTS.filter((s) => s.version !== null);
/**
 * Flyway afterwards: validate passes, migrate runs no versioned script, each recorded with its checksum.
 * The repeatable (a view, which reconcile compares) is recorded by the repair once its view is as the file makes it;
 * `not recorded` is left for the cases where nothing recorded it.
 */
async function flywayAccepts(db: TestDb, repeatable: 'recorded' | 'not recorded'): Promise<void> {
  await flywayValidate(db, DIR);
  expect(await flywayMigrate(db, DIR)).toEqual(repeatable === 'recorded' ? [] : ['R__order_totals.sql']);
  const rows = (await flywayHistory(db)).filter((r) => r.success);
  for (const s of SCRIPTS) expect(rows.filter((r) => r.script === s.rel).map((r) => r.checksum)).toContain(s.checksum);
}

describe('flyway ledger', () => {
  it('clean: what flyway migrate leaves is verified, the plan empty, no other tool written', async () => {
    const db = await fresh();
    expect(await flywayMigrate(db, DIR)).toEqual(['V1__create_customer.sql', 'V1_1__create_orders.sql', 'sql/V2__order_reference.sql', 'R__order_totals.sql']);
    const r = await status(db, DIR);
    expect(text(r).split('\n').slice(0, 2)).toEqual([`Source: ${DIR} (flyway-folder)`, 'Ledger: flyway (public.flyway_schema_history)']);
    expect(markLines(r)).toEqual([
      ' [X] V1__create_customer.sql      verified: 1 enum change, 1 sequence, 1 table',
      ' [X] V1_1__create_orders.sql      verified: 1 sequence, 1 table',
      ' [X] sql/V2__order_reference.sql  verified: 1 column, 1 index',
      ' [X] R__order_totals.sql          verified: 1 view',
    ]);
    expect(r.inSync).toBe(true);
    expect(r.migrations[1]?.rows[0]?.values).toMatchObject({ installed_rank: '2', version: '1.1', description: 'create orders', type: 'SQL', script: 'V1_1__create_orders.sql', checksum: String(checksum('V1_1__create_orders.sql')), success: 'true' });
    expect((await planRepair({ url: db.url, from: DIR, ledger: {} })).plan.statements).toEqual([]);
    const run = await cli('apply', '--url', db.url, '--from', DIR);
    expect(run.code, run.stderr).toBe(0);
    await noOtherLedger(db);
  });

  it('faked (rows inserted by hand for V1_1 and V2, as a baseline gone wrong): [F], the repair makes the objects, rows kept', async () => {
    const db = await fresh();
    await flywayMigrate(db, DIR, { only: ['V1__create_customer.sql'] });
    // The team recorded V1.1 and V2 without running them (the seed's --fake).
    for (const s of SCRIPTS.filter((x) => x.rel === 'V1_1__create_orders.sql' || x.rel === 'sql/V2__order_reference.sql')) {
      await db.query(
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) SELECT MAX(installed_rank) + 1, $1, $2, 'SQL', $3, $4, current_user, 0, true FROM flyway_schema_history",
        [s.version, s.description, s.rel, s.checksum],
      );
    }
    expect(markLines(await status(db, DIR))).toEqual([
      ' [X] V1__create_customer.sql      verified: 1 enum change, 1 sequence, 1 table',
      ' [F] V1_1__create_orders.sql      faked: recorded, but 1 sequence, 1 table missing',
      ' [F] sql/V2__order_reference.sql  faked: recorded, but 1 column, 1 index missing',
      ' [ ] R__order_totals.sql          pending: 1 view',
    ]);
    const before = await flywayHistory(db);
    const planned = await planRepair({ url: db.url, from: DIR, ledger: {} });
    // The view is checkable: the repair creates it and records the repeatable, as flyway migrate would.
    expect(planned.plan.statements.filter((s) => s.phase === 'ledger').map((s) => s.description)).toContain(
      `record R__order_totals as applied (repeatable, checksum ${checksum('R__order_totals.sql')})`,
    );
    const run = await cli('apply', '--url', db.url, '--from', DIR);
    expect(run.code, run.stderr).toBe(0);
    expect(await marks(db)).toEqual([' [X]', ' [X]', ' [X]', ' [X]']);
    const after = await flywayHistory(db);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((r) => [r.version, r.script])).toEqual([[null, 'R__order_totals.sql']]);
    await flywayAccepts(db, 'recorded');
    await noOtherLedger(db);
  });

  it('failed (success = false: a non-transactional V2 stopped half-way): reported with why Flyway refuses; repaired as flyway repair + migrate would', async () => {
    const db = await fresh();
    await flywayMigrate(db, DIR, { only: ['V1__create_customer.sql', 'V1_1__create_orders.sql'] });
    await expect(
      flywayMigrate(db, DIR, { failNonTransactional: { rel: 'sql/V2__order_reference.sql', after: 'ALTER TABLE orders ADD COLUMN reference text' } }),
    ).rejects.toThrow(/Migration sql\/V2__order_reference\.sql failed/);
    await expect(flywayMigrate(db, DIR)).rejects.toThrow(/Detected failed migration to version 2/);
    const r = await status(db, DIR);
    expect(markLines(r)[2]).toMatch(
      /^ \[R\] sql\/V2__order_reference\.sql  not recorded; partly present: 1 of 2 effects missing; failed: flyway migrate stopped in it \(success = false, installed_rank 3\); Flyway refuses to migrate until flyway repair removes the row$/,
    );
    expect(r.inSync).toBe(false);
    const { plan } = await repair(db, DIR);
    expect(plan.statements.filter((s) => s.phase === 'ledger').map((s) => s.description)).toEqual([
      'remove the failed row of V2__order_reference (installed_rank 3), as flyway repair does',
      `record V2__order_reference as applied (version 2, checksum ${checksum('sql/V2__order_reference.sql')})`,
      `record R__order_totals as applied (repeatable, checksum ${checksum('R__order_totals.sql')})`,
      'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    ]);
    expect((await flywayHistory(db)).map((x) => [x.installed_rank, x.version, x.success])).toEqual([
      [1, '1', true],
      [2, '1.1', true],
      [3, '2', true],
      [4, null, true],
    ]);
    expect(await marks(db)).toEqual([' [X]', ' [X]', ' [X]', ' [X]']);
    await flywayAccepts(db, 'recorded');
  });

  it('edited after it ran: reported (flyway validate fails), the row kept; an edited repeatable is outdated (Flyway runs it again)', async () => {
    const db = await fresh();
    await flywayMigrate(db, DIR);
    await db.query("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '1'");
    await db.query('UPDATE flyway_schema_history SET checksum = 777 WHERE version IS NULL');
    await expect(flywayValidate(db, DIR)).rejects.toThrow(/checksum mismatch for migration version 1$/);
    const r = await status(db, DIR);
    expect(markLines(r)[0]).toMatch(
      new RegExp(`^ \\[X\\] V1__create_customer\\.sql .*; edited since it was applied: the ledger has checksum 12345, the file ${checksum('V1__create_customer.sql')}; flyway validate fails \\(flyway repair writes the file's checksum\\)$`),
    );
    expect(markLines(r)[3]).toMatch(new RegExp(`^ \\[R\\] R__order_totals\\.sql +present but not recorded: 1 view; outdated: applied with checksum 777, the file has ${checksum('R__order_totals.sql')}: flyway migrate runs it again$`));
    const p = await planRepair({ url: db.url, from: DIR, ledger: {} });
    // The view is as the file makes it: recorded with the file's checksum, as Flyway records its re-run.
    expect(p.plan.statements.filter((s) => s.phase === 'ledger').map((s) => s.description)).toEqual([
      `record R__order_totals as applied (repeatable, checksum ${checksum('R__order_totals.sql')})`,
      'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    ]);
    expect(await flywayMigrate(db, DIR).catch((e: Error) => e.message)).toMatch(/checksum mismatch for migration version 1$/);
    expect(p.plan.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/^V1__create_customer: edited since it was applied: .*\(the ledger row is kept\)$/));
  });

  it('ledger lost: rows deleted are [R] and re-recorded; a dropped table is created only with --ledger flyway, exactly as Flyway creates it', async () => {
    const db = await fresh();
    await flywayMigrate(db, DIR);
    await db.exec('DELETE FROM flyway_schema_history');
    expect(await marks(db)).toEqual([' [R]', ' [R]', ' [R]', ' [R]']);
    const { script } = await repair(db, DIR);
    expect(script).toContain(
      `INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "execution_time", "success") SELECT next.rank, '1.1', 'create orders', 'SQL', 'V1_1__create_orders.sql', ${checksum('V1_1__create_orders.sql')}, CURRENT_USER, 0, true FROM (SELECT COALESCE(MAX("installed_rank"), 0) + 1 AS rank FROM "public"."flyway_schema_history") AS next WHERE NOT EXISTS`,
    );
    expect((await flywayHistory(db)).map((x) => [x.installed_rank, x.version, x.description, x.script])).toEqual([
      [1, '1', 'create customer', 'V1__create_customer.sql'],
      [2, '1.1', 'create orders', 'V1_1__create_orders.sql'],
      [3, '2', 'order reference', 'sql/V2__order_reference.sql'],
      [4, null, 'order totals', 'R__order_totals.sql'],
    ]);
    await flywayAccepts(db, 'recorded');

    await db.exec('DROP TABLE flyway_schema_history');
    const planned = await planRepair({ url: db.url, from: DIR, ledger: {} });
    expect(planned.plan.statements).toEqual([]);
    const auto = await cli('apply', '--url', db.url, '--from', DIR);
    expect(auto.code, auto.stderr).toBe(0);
    expect(planned.plan.notes.map((n) => n.message)).toContainEqual(expect.stringContaining('the flyway ledger public.flyway_schema_history does not exist: 4 migrations left unrecorded (V1__create_customer, V1_1__create_orders, V2__order_reference, …)'));
    expect(await db.query("SELECT to_regclass('public.flyway_schema_history') AS t")).toEqual([{ t: null }]);
    const named = await cli('apply', '--url', db.url, '--from', DIR, '--ledger', 'flyway');
    expect(named.code, named.stderr).toBe(0);
    const reference = await fresh();
    await reference.exec(FLYWAY_DDL);
    const table = async (d: TestDb) => (await d.inspect(['public'])).tables.find((t) => t.name === 'flyway_schema_history');
    expect(await table(db)).toEqual(await table(reference));
    expect(await marks(db)).toEqual([' [X]', ' [X]', ' [X]', ' [X]']);
    await flywayAccepts(db, 'recorded');
    await noOtherLedger(db);
  });

  it('below a baseline (flyway baseline -baselineVersion=1.1): V1 and V1.1 count as recorded', async () => {
    const db = await fresh();
    await db.exec(FLYWAY_DDL);
    await db.exec(SCRIPTS.slice(0, 2).map((s) => s.text).join('\n'));
    await db.query(
      "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) VALUES (1, '1.1', '<< Flyway Baseline >>', 'BASELINE', '<< Flyway Baseline >>', NULL, current_user, 0, true)",
    );
    const r = await status(db, DIR);
    expect(markLines(r).slice(0, 2)).toEqual([
      expect.stringMatching(/^ \[X\] V1__create_customer\.sql .*below the baseline \(version 1\.1\): Flyway never runs it$/),
      expect.stringMatching(/^ \[X\] V1_1__create_orders\.sql .*below the baseline/),
    ]);
    expect(text(r)).not.toContain('Recorded, but no such migration');
  });
});
