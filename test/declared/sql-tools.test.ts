/**
 * Folders of Flyway, golang-migrate, dbmate and goose as declared sources. The fixtures
 * test/fixtures/<tool>/shop are written as each tool's users write them; the replay must equal
 * running the up parts in the tool's order on a real database (test/ledger/sql-tools-engine.ts
 * runs them as each tool does). Names, sections and order follow: Flyway flyway-core
 * `MigrationVersion`, `ResolvedMigrationComparator`; golang-migrate `source/parse.go`;
 * dbmate `pkg/dbmate/migration.go` (`parseMigrationContents`) and `pkg/dbmate/db.go`;
 * goose `internal/sqlparser/parser.go` and `migration.go` (`NumericComponent`).
 * Flyway's checksum: `flyway-core/src/main/java/org/flywaydb/core/internal/resolver/ChecksumCalculator.java`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectSource, loadDeclared } from '../../src/declared/index.js';
import { ReconcileError } from '../../src/errors.js';
import { crc32, flywayChecksum } from '../../src/ledger/flyway.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { versionNeutral } from '../helpers/model.js';
import { dbmateUp, flywayMigrate, gooseUp, javaFlywayChecksum, migrateUp } from '../ledger/sql-tools-engine.js';
import { DRIZZLE_FOLDER, NO_CACHE, ROOT, copyTree, tempDir } from './helpers.js';

const FIX = (tool: string): string => path.join(ROOT, 'test', 'fixtures', tool, 'shop');
const dbs: TestDb[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
});

async function failure(spec: string): Promise<string> {
  const e = await loadDeclared(spec, NO_CACHE).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReconcileError);
  const line = (e as ReconcileError).oneLine();
  expect(line).not.toContain('\n');
  return line;
}

describe("Flyway's checksum", () => {
  it('is the CRC32 of the lines without their endings, the BOM removed, as a signed int (ChecksumCalculator.java)', () => {
    // The CRC-32 check value: crc32("123456789") = 0xCBF43926 (IEEE 802.3), as an int -873187034.
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(0xcbf43926 | 0).toBe(-873187034);
    // Line by line: "1234" then "56789" fed to one CRC32 is the CRC32 of "123456789", whatever the endings.
    for (const text of ['123456789', '1234\n56789\n', '1234\r\n56789', '\uFEFF1234\r56789\r\n', '1234\n\n\n56789\n']) {
      expect(flywayChecksum(text)).toBe(-873187034);
    }
    // A BOM counts only at the start of the file (BomFilter on the first line).
    expect(flywayChecksum('1234\n\uFEFF56789')).not.toBe(-873187034);
    // The fixture with a BOM and CRLF: the same value as a line-by-line java.util.zip.CRC32 over it.
    const bytes = Buffer.from('\uFEFFSELECT 1;\r\nSELECT 2;\r\n', 'utf8');
    expect(flywayChecksum(bytes.toString('utf8'))).toBe(javaFlywayChecksum(bytes));
    expect(flywayChecksum('SELECT 1;\nSELECT 2;\n')).toBe(javaFlywayChecksum(bytes));
  });
});

describe('SQL-file tool folders', () => {
  it('are detected by their names and markers, and by prefix', () => {
    expect(detectSource(FIX('flyway')).kind).toBe('flyway-folder');
    expect(detectSource(FIX('golang-migrate')).kind).toBe('golang-migrate-folder');
    expect(detectSource(FIX('dbmate')).kind).toBe('dbmate-folder');
    expect(detectSource(FIX('goose')).kind).toBe('goose-folder');
    expect(detectSource(DRIZZLE_FOLDER).kind).toBe('drizzle-folder');
    for (const [prefix, kind] of [
      ['flyway', 'flyway-folder'],
      ['golang-migrate', 'golang-migrate-folder'],
      ['dbmate', 'dbmate-folder'],
      ['goose', 'goose-folder'],
    ] as const) {
      expect(detectSource(`${prefix}:${FIX(prefix)}`)).toEqual({ kind, location: FIX(prefix) });
    }
  });

  it('<version>_<name>.sql files without one marker in all of them are one clear error naming the prefixes', () => {
    const dir = tempDir('mixed-markers');
    writeFileSync(path.join(dir, '001_a.sql'), '-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n');
    writeFileSync(path.join(dir, '002_b.sql'), '-- +goose Up\nCREATE TABLE b (id int);\n');
    let message = '';
    try {
      detectSource(dir);
    } catch (e) {
      message = (e as ReconcileError).oneLine();
    }
    expect(message).toMatch(/^cannot tell what kind of source the folder .* is: its \.sql files \(e\.g\. 001_a\.sql\) match no tool's shape exactly/);
    expect(message).toContain('flyway:DIR, golang-migrate:DIR, dbmate:DIR, goose:DIR');
    // Named, it is read as that tool reads it: goose refuses the dbmate file.
    return failure(`goose:${dir}`).then((line) => expect(line).toMatch(/001_a\.sql: no '-- \+goose Up' annotation/));
  });

  const cases = [
    {
      tool: 'flyway',
      keys: ['V1__create_customer', 'V1_1__create_orders', 'V2__order_reference', 'R__order_totals'],
      names: ['V1__create_customer.sql', 'V1_1__create_orders.sql', 'sql/V2__order_reference.sql', 'R__order_totals.sql'],
      run: (db: TestDb) => flywayMigrate(db, FIX('flyway')),
    },
    {
      tool: 'golang-migrate',
      keys: ['000001_create_customer', '000002_create_orders', '000003_order_reference'],
      names: ['000001_create_customer.up.sql', '000002_create_orders.up.sql', '000003_order_reference.up.sql'],
      run: (db: TestDb) => migrateUp(db, FIX('golang-migrate')),
    },
    {
      tool: 'dbmate',
      keys: ['20240110093000_create_customer', '20240112141500_create_orders', '20240120080000_order_reference'],
      names: ['20240110093000_create_customer.sql', '20240112141500_create_orders.sql', '20240120080000_order_reference.sql'],
      run: (db: TestDb) => dbmateUp(db, FIX('dbmate')),
    },
    {
      tool: 'goose',
      keys: ['00001_create_customer', '00002_create_orders', '00003_order_reference'],
      names: ['00001_create_customer.sql', '00002_create_orders.sql', '00003_order_reference.sql'],
      run: (db: TestDb) => gooseUp(db, FIX('goose')),
    },
  ];
  for (const c of cases) {
    it(`${c.tool}: the replay equals the tool running the ups in its order; one migration per file, the up part only`, async () => {
      const db = await createDatabase(`declared_${c.tool.replace('-', '_')}`);
      dbs.push(db);
      await c.run(db);
      const declared = await loadDeclared(FIX(c.tool), { ...NO_CACHE, snapshots: true });
      const live = await db.inspect();
      const ledgerTables = new Set(['flyway_schema_history', 'schema_migrations', 'goose_db_version']);
      // View text as each version's deparser prints it (the test server may be 14, the shadow 18): masked.
      expect(versionNeutral(declared.schema)).toEqual(
        versionNeutral({ ...live, tables: live.tables.filter((t) => !ledgerTables.has(t.name)), sequences: live.sequences.filter((s) => s.name !== 'goose_db_version_id_seq') }),
      );
      expect(declared.migrations.map((m) => [m.key, m.app, m.name])).toEqual(c.keys.map((k, i) => [k, c.tool, c.names[i]]));
      expect(declared.snapshots).toHaveLength(c.keys.length);
      const orders = declared.schema.tables.find((t) => t.name === 'orders');
      expect(orders?.foreignKeys.map((f) => f.onDelete)).toEqual(['cascade']);
      expect(orders?.indexes.map((i) => i.name).sort()).toEqual(['orders_customer_id_idx', 'orders_pkey', 'orders_reference_key']);
      expect(declared.schema.enums.map((e) => e.name)).toEqual(['order_status']);
    });
  }

  it('dbmate: only the up block is replayed (the down block would drop the table)', async () => {
    const declared = await loadDeclared(FIX('dbmate'), NO_CACHE);
    expect(declared.migrations[0]?.sql).toContain('CREATE TABLE customer');
    expect(declared.migrations[0]?.sql).not.toContain('DROP TABLE');
    expect(declared.migrations[0]?.sql.split('\n').length).toBe(12);
  });

  it('orders as each tool does: Flyway by version numbers (1.10 after 1.9), golang-migrate and goose by number, dbmate by name', async () => {
    const fly = tempDir('flyway-order');
    writeFileSync(path.join(fly, 'V1_10__c.sql'), 'CREATE TABLE c (id int);\n');
    writeFileSync(path.join(fly, 'V1_9__b.sql'), 'CREATE TABLE b (id int);\n');
    writeFileSync(path.join(fly, 'V1__a.sql'), 'CREATE TABLE a (id int);\n');
    writeFileSync(path.join(fly, 'R__a_view.sql'), 'CREATE OR REPLACE VIEW v AS SELECT * FROM c;\n');
    expect((await loadDeclared(fly, NO_CACHE)).migrations.map((m) => m.key)).toEqual(['V1__a', 'V1_9__b', 'V1_10__c', 'R__a_view']);
    const goose = tempDir('goose-order');
    writeFileSync(path.join(goose, '10_c.sql'), '-- +goose Up\nCREATE TABLE c (id int);\n');
    writeFileSync(path.join(goose, '9_b.sql'), '-- +goose Up\nCREATE TABLE b (id int);\n');
    expect((await loadDeclared(goose, NO_CACHE)).migrations.map((m) => m.key)).toEqual(['9_b', '10_c']);
    const gm = copyTree(FIX('golang-migrate'), 'gm-order');
    writeFileSync(path.join(gm, '10_later.up.sql'), 'CREATE TABLE later (id int);\n');
    expect((await loadDeclared(gm, NO_CACHE)).migrations.map((m) => m.key).at(-1)).toBe('10_later');
  });

  it('bad folders fail as the tool fails: duplicate versions, a Flyway name Flyway rejects, a dbmate file without a down block', async () => {
    const gm = copyTree(FIX('golang-migrate'), 'gm-dup');
    writeFileSync(path.join(gm, '2_again.up.sql'), 'SELECT 1;\n');
    expect(await failure(gm)).toMatch(/holds two migrations with version 2: 000002_create_orders\.up\.sql and 2_again\.up\.sql \(golang-migrate refuses such a folder too; rename one\)$/);
    const fly = copyTree(FIX('flyway'), 'fly-bad');
    mkdirSync(path.join(fly, 'more'));
    writeFileSync(path.join(fly, 'more', 'V3_create_x.sql'), 'SELECT 1;\n');
    expect(await failure(`flyway:${fly}`)).toMatch(/V3_create_x\.sql is not named like a Flyway migration/);
    const dm = copyTree(FIX('dbmate'), 'dbmate-nodown');
    writeFileSync(path.join(dm, '20250101000000_x.sql'), '-- migrate:up\nCREATE TABLE x (id int);\n');
    expect(await failure(dm)).toMatch(/20250101000000_x\.sql: no down block: dbmate requires each migration to define a down block/);
  });
});
