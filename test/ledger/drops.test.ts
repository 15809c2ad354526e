/**
 * What a faked migration should have dropped (issue 16), and the data steps of
 * faked migrations (issue 12, part 5), on drizzle, Django (sqlmigrate tree) and
 * Prisma sources: the migration is recorded, its removals and data statements
 * never ran. `status` names what is still there and the data statements that
 * never ran; `plan` withholds them (hazards `drop`, `data`); allowed, the repair
 * ends where the migrations themselves end. Objects no migration dropped are kept.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRepair } from '../../src/api/plan.js';
import { renderPlanJson } from '../../src/render/plan-json.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { renderPlanSql } from '../../src/render/plan-sql.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { cli, markLines, recordDjango, repair, status } from './helpers.js';
import { resolveApplied } from './prisma-engine.js';
import { djangoTree, drizzleFolder, removeTrees } from './trees.js';

const dbs: TestDb[] = [];
const dirs: string[] = [];
afterAll(async () => {
  removeTrees();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await Promise.all(dbs.map((d) => d.drop()));
});

async function fresh(): Promise<TestDb> {
  const db = await createDatabase('ledger_drops');
  dbs.push(db);
  return db;
}

const BP = '\n--> statement-breakpoint\n';
const INIT = [
  `CREATE TYPE "public"."role" AS ENUM('admin', 'member')`,
  `CREATE TABLE "access" ("id" serial PRIMARY KEY NOT NULL, "name" text NOT NULL, "kind" text, "permissions" text NOT NULL, "role" "role", CONSTRAINT "access_name_unique" UNIQUE("name"), CONSTRAINT "access_kind_check" CHECK ("kind" <> ''))`,
  `CREATE INDEX "access_kind_idx" ON "access" USING btree ("kind")`,
  `CREATE TABLE "grant" ("id" serial PRIMARY KEY NOT NULL, "access_id" integer)`,
  `ALTER TABLE "grant" ADD CONSTRAINT "grant_access_id_access_id_fk" FOREIGN KEY ("access_id") REFERENCES "public"."access"("id") ON DELETE no action ON UPDATE no action`,
  `CREATE TABLE "legacy" ("id" integer PRIMARY KEY NOT NULL, "payload" text)`,
].join(`;${BP}`);
const REMOVE = [
  `ALTER TABLE "access" DROP CONSTRAINT "access_name_unique"`,
  `ALTER TABLE "access" DROP CONSTRAINT "access_kind_check"`,
  `ALTER TABLE "grant" DROP CONSTRAINT "grant_access_id_access_id_fk"`,
  `DROP INDEX "access_kind_idx"`,
  `CREATE INDEX "access_kind_name_idx" ON "access" USING btree ("kind","name")`,
  `ALTER TABLE "access" DROP COLUMN "permissions"`,
  `ALTER TABLE "access" DROP COLUMN "role"`,
  `DROP TYPE "public"."role"`,
  `DROP TABLE "legacy"`,
].join(`;${BP}`);

const T0 = 1767225600000;
const drizzleDrops = drizzleFolder([
  { tag: '0000_init', when: T0, sql: INIT + ';' },
  { tag: '0001_removed_permissions_from_access', when: T0 + 60000, sql: REMOVE + ';' },
]);

const DRIZZLE_LEDGER = 'CREATE SCHEMA IF NOT EXISTS "drizzle"; CREATE TABLE IF NOT EXISTS "drizzle"."__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);';

async function recordAll(db: TestDb, dir: string, entries: readonly { tag: string; when: number; sql: string }[]): Promise<void> {
  const { createHash } = await import('node:crypto');
  await db.exec(DRIZZLE_LEDGER);
  for (const e of entries) {
    await db.query('INSERT INTO "drizzle"."__drizzle_migrations" ("hash", "created_at") VALUES ($1, $2)', [createHash('sha256').update(e.sql).digest('hex'), e.when]);
  }
  void dir;
}

const ROWS = `INSERT INTO "access" ("name", "kind", "permissions", "role") VALUES ('a', 'x', 'read', 'admin'), ('b', 'y', 'write', NULL), ('c', NULL, 'none', 'member'); INSERT INTO "grant" ("access_id") VALUES (1); INSERT INTO "legacy" VALUES (1, 'p'), (2, NULL)`;

/** A faked 0001: 0000 ran, with rows; both recorded. */
async function fakedDrizzle(): Promise<TestDb> {
  const db = await fresh();
  await db.exec(INIT);
  await db.exec(ROWS);
  await recordAll(db, drizzleDrops, [
    { tag: '0000_init', when: T0, sql: INIT + ';' },
    { tag: '0001_removed_permissions_from_access', when: T0 + 60000, sql: REMOVE + ';' },
  ]);
  return db;
}

/** The live schema compared with a database the migrations themselves built: every difference, extras included. */
async function differencesFromMigrated(db: TestDb, migrations: readonly string[]): Promise<string[]> {
  const ref = await fresh();
  for (const m of migrations) await ref.exec(m);
  const r = await planRepair({ url: db.url, from: ref.url });
  return r.plan.changes.map((c) => c.kind);
}

describe('drizzle: a faked migration that dropped a column, an enum, an index, constraints and a table', () => {
  it('status marks it [F] and names each object still there', async () => {
    const db = await fakedDrizzle();
    const r = await status(db, drizzleDrops);
    expect(markLines(r)).toEqual([
      ' [X] 0000_init                             verified: 1 enum change, 2 sequences, 3 tables',
      ' [F] 0001_removed_permissions_from_access  faked: recorded, but none of it is done (8 drops, 1 index)',
    ]);
    const m = r.migrations[1]!;
    expect(m.details).toEqual(
      expect.arrayContaining([
        'drops column public.access.permissions: still there',
        'drops column public.access.role: still there',
        'drops enum public.role: still there',
        'drops index access_kind_idx on public.access: still there',
        'drops unique constraint access_name_unique on public.access: still there',
        'drops check constraint access_kind_check on public.access: still there',
        'drops foreign key grant_access_id_access_id_fk on public.grant: still there',
        'drops table public.legacy: still there',
      ]),
    );
    expect(r.inSync).toBe(false);
  });

  it('plan withholds every drop under the drop hazard, attributed to the migration, with what it destroys; nothing is dropped', async () => {
    const db = await fakedDrizzle();
    const p = await planRepair({ url: db.url, from: drizzleDrops, ledger: {} });
    const drops = p.plan.withheld.filter((s) => s.hazards.some((h) => h.kind === 'drop'));
    expect(drops.map((s) => s.description)).toEqual([
      'drop foreign key grant_access_id_access_id_fk on public.grant (dropped by migration 0001_removed_permissions_from_access)',
      'drop unique constraint access_name_unique on public.access (dropped by migration 0001_removed_permissions_from_access)',
      'drop check constraint access_kind_check on public.access (dropped by migration 0001_removed_permissions_from_access)',
      'drop index access_kind_idx on public.access (dropped by migration 0001_removed_permissions_from_access)',
      'drop column public.access.permissions (dropped by migration 0001_removed_permissions_from_access)',
      'drop column public.access.role (dropped by migration 0001_removed_permissions_from_access)',
      'drop table public.legacy (dropped by migration 0001_removed_permissions_from_access)',
      'drop enum public.role (dropped by migration 0001_removed_permissions_from_access)',
    ]);
    const message = (what: string): string => drops.find((s) => s.description.startsWith(`drop ${what}`))?.hazards[0]?.message ?? '';
    expect(message('column public.access.permissions')).toBe(
      '0001_removed_permissions_from_access dropped column public.access.permissions, and the live database still has it: destroys the values of 3 rows',
    );
    expect(message('column public.access.role')).toContain('the values of 2 rows');
    expect(message('table public.legacy')).toMatch(/destroys 2 rows \(\d+ \w+\)/);
    expect(message('index access_kind_idx')).toMatch(/destroys an index of \d+ \w+/);
    expect(message('enum public.role')).toBe('0001_removed_permissions_from_access dropped enum public.role, and the live database still has it: used by column role of table public.access (it cannot be dropped while they remain)');
    expect(drops.find((s) => s.description.startsWith('drop index'))?.sql).toBe('DROP INDEX CONCURRENTLY IF EXISTS "public"."access_kind_idx"');
    // The replacing index is built; the ledger records nothing new.
    expect(p.plan.statements.map((s) => s.description)).toEqual(expect.arrayContaining([expect.stringContaining('access_kind_name_idx')]));
    // Every output shows the withheld drops in their own section.
    const txt = renderPlanText(p.plan, p.declared.schema, p.live.schema, { color: false, title: 't' });
    expect(txt).toContain('Withheld drops (allow with --allow-hazards drop):');
    expect(txt).toContain('      ALTER TABLE "public"."access" DROP COLUMN IF EXISTS "permissions"');
    const md = renderPlanMarkdown({ plan: p.plan, header: p.header, declared: p.declared.schema, status: null, script: renderPlanSql(p.plan, p.header) });
    expect(md).toContain('## Withheld drops (allow with --allow-hazards drop)');
    const json = JSON.parse(renderPlanJson(p.plan, p.header)) as { withheldDrops: number[]; withheld: { sql: string }[] };
    expect(json.withheldDrops.map((i) => json.withheld[i]?.sql)).toEqual(drops.map((s) => s.sql));

    await repair(db, drizzleDrops);
    expect(await db.query(`SELECT count(*)::int AS n FROM access WHERE permissions IS NOT NULL`)).toEqual([{ n: 3 }]);
    const after = await status(db, drizzleDrops);
    expect(after.migrations[1]?.mark).toBe('P');
    expect(after.migrations[1]?.details).toContain('drops column public.access.permissions: still there');
  });

  it('with --allow-hazards drop the repair ends where the migrations end, and an extra made by hand is kept', async () => {
    const db = await fakedDrizzle();
    await db.exec('ALTER TABLE access ADD COLUMN by_hand text');
    const { plan } = await repair(db, drizzleDrops, { allowHazards: ['drop'] });
    const order = plan.statements.map((s) => s.description);
    const at = (what: string): number => order.findIndex((d) => d.includes(what));
    expect(at('access_kind_name_idx')).toBeLessThan(at('drop index access_kind_idx'));
    expect(at('drop column public.access.role')).toBeLessThan(at('drop enum public.role'));
    expect(at('drop foreign key')).toBeLessThan(at('drop table public.legacy'));
    expect(plan.notes.map((n) => n.message)).toContain('column public.access.by_hand is not in the model (kept)');
    expect(markLines(await status(db, drizzleDrops))).toEqual([
      ' [X] 0000_init                             verified: 2 sequences, 2 tables (2 changed by later migrations); 1 enum change, 1 table not visible (undone by 0001_removed_permissions_from_access)',
      ' [X] 0001_removed_permissions_from_access  verified: 6 drops, 1 index; 2 drops not visible (it undoes 0000_init)',
    ]);
    await db.exec('ALTER TABLE access DROP COLUMN by_hand');
    expect(await differencesFromMigrated(db, [INIT, REMOVE])).toEqual([]);
  });

  it('apply on the command line: refused while drops are withheld, runs them with --allow-hazards drop', async () => {
    const db = await fakedDrizzle();
    const refused = await cli('apply', '--url', db.url, '--from', drizzleDrops);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('--allow-hazards drop');
    const run = await cli('apply', '--url', db.url, '--from', drizzleDrops, '--allow-hazards', 'drop');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await differencesFromMigrated(db, [INIT, REMOVE])).toEqual([]);
  });
});

describe('data steps of a faked migration', () => {
  const ADD = `ALTER TABLE "users" ADD COLUMN "display" text;${BP}UPDATE "users" SET "display" = upper("name");${BP}UPDATE "users" SET "display" = "display" || '!' WHERE "id" = 1;`;
  const CREATE = `CREATE TABLE "users" ("id" integer PRIMARY KEY NOT NULL, "name" text NOT NULL);`;
  const entries = [
    { tag: '0000_users', when: T0, sql: CREATE },
    { tag: '0001_display_backfill', when: T0 + 60000, sql: ADD },
  ];
  const dir = drizzleFolder(entries);

  async function faked(): Promise<TestDb> {
    const db = await fresh();
    await db.exec(CREATE);
    await db.exec(`INSERT INTO users VALUES (1, 'ann'), (2, 'bob')`);
    await recordAll(db, dir, entries);
    return db;
  }

  it('status says the data statements never ran; plan withholds them with their SQL; the schema repair alone never makes it [X] silently', async () => {
    const db = await faked();
    const r = await status(db, dir);
    expect(markLines(r)[1]).toBe(' [F] 0001_display_backfill  faked: recorded, but 1 column missing; 2 data statements never ran');
    const p = await planRepair({ url: db.url, from: dir, ledger: {} });
    const data = p.plan.withheld.filter((s) => s.hazards.some((h) => h.kind === 'data'));
    expect(data.map((s) => s.sql)).toEqual([
      [
        'DO $reconcile0$BEGIN',
        "  EXECUTE 'SET LOCAL search_path TO DEFAULT';",
        '  EXECUTE $reconcile$UPDATE "users" SET "display" = upper("name")$reconcile$;',
        `  EXECUTE $reconcile$UPDATE "users" SET "display" = "display" || '!' WHERE "id" = 1$reconcile$;`,
        'END$reconcile0$',
      ].join('\n'),
    ]);
    expect(data[0]?.description).toBe('run the 2 data statements of migration 0001_display_backfill (never ran)');
    expect(renderPlanText(p.plan, p.declared.schema, p.live.schema, { color: false, title: 't' })).toContain('Withheld data steps (allow with --allow-hazards data):');
    expect(p.plan.notes.map((n) => n.message)).toContain('0001_display_backfill is recorded, but its data statements are withheld (hazard data) and never ran; --allow-hazards data runs them');
    await repair(db, dir);
    expect(await db.query('SELECT display FROM users ORDER BY id')).toEqual([{ display: null }, { display: null }]);
  });

  it('--allow-hazards data runs them after the column exists, in one transaction, and the rows end with the values', async () => {
    const db = await faked();
    const run = await cli('apply', '--url', db.url, '--from', dir, '--allow-hazards', 'data');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await db.query('SELECT display FROM users ORDER BY id')).toEqual([{ display: 'ANN!' }, { display: 'BOB' }]);
    expect(markLines(await status(db, dir))[1]).toBe(' [X] 0001_display_backfill  verified: 1 column');
    // Planned again: nothing left, the data steps are not repeated.
    const again = await planRepair({ url: db.url, from: dir, ledger: {} });
    expect([...again.plan.statements, ...again.plan.withheld]).toEqual([]);
  });

  it('an unrecorded pending migration with a backfill is recorded only once its data ran', async () => {
    const db = await fresh();
    await db.exec(CREATE);
    await db.exec(`INSERT INTO users VALUES (1, 'ann')`);
    await recordAll(db, dir, entries.slice(0, 1));
    const withheld = await planRepair({ url: db.url, from: dir, ledger: {} });
    expect(withheld.plan.statements.filter((s) => s.phase === 'ledger')).toEqual([]);
    const allowed = await repair(db, dir, { allowHazards: ['data'] });
    expect(allowed.plan.statements.map((s) => s.phase)).toEqual(['columns', 'data', 'ledger', 'ledger']);
    expect(await db.query('SELECT display FROM users')).toEqual([{ display: 'ANN!' }]);
  });
});

describe('Django (sqlmigrate tree): a faked RemoveField, RemoveIndex and DeleteModel', () => {
  const tree = djangoTree({
    shop: {
      '0001_initial': [
        'CREATE TABLE "shop_item" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "name" varchar(100) NOT NULL, "note" text NOT NULL);',
        'CREATE INDEX "shop_item_name_idx" ON "shop_item" ("name");',
        'CREATE TABLE "shop_old" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY);',
      ].join('\n'),
      '0002_cleanup': [
        '--',
        '-- Remove field note from item',
        '--',
        'ALTER TABLE "shop_item" DROP COLUMN "note" CASCADE;',
        '--',
        '-- Remove index shop_item_name_idx from item',
        '--',
        'DROP INDEX IF EXISTS "shop_item_name_idx";',
        '--',
        '-- Delete model Old',
        '--',
        'DROP TABLE "shop_old" CASCADE;',
      ].join('\n'),
    },
  });

  it('faked: [F] with the objects still there; withheld drops; allowed, the end state is the migrations\'', async () => {
    const db = await fresh();
    await db.exec((await import('node:fs')).readFileSync(path.join(tree, 'shop', '0001_initial.sql'), 'utf8'));
    await db.exec(`INSERT INTO shop_item (name, note) VALUES ('a', 'n')`);
    await recordDjango(db, ['shop.0001_initial', 'shop.0002_cleanup']);
    const r = await status(db, tree);
    expect(markLines(r)[1]).toBe(' [F] 0002_cleanup  faked: recorded, but none of it is done (3 drops)');
    expect(r.migrations[1]?.details).toEqual([
      'drops column public.shop_item.note: still there',
      'drops index shop_item_name_idx on public.shop_item: still there',
      'drops table public.shop_old: still there',
    ]);
    const { plan } = await repair(db, tree);
    expect(plan.withheld.map((s) => s.hazards.map((h) => h.kind).join())).toEqual(['drop', 'drop', 'drop']);
    expect(await db.query(`SELECT to_regclass('public.shop_old') IS NOT NULL AS t`)).toEqual([{ t: true }]);
    await repair(db, tree, { allowHazards: ['drop'] });
    expect(markLines(await status(db, tree))[1]).toBe(' [X] 0002_cleanup  verified: 2 drops; 1 drop not visible (it undoes 0001_initial)');
    expect(await db.query(`SELECT to_regclass('public.shop_old') IS NULL AS gone`)).toEqual([{ gone: true }]);
  });
});

describe('Prisma: a migration resolved --applied that dropped a column, its enum and a unique index', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-drops-prisma-'));
  dirs.push(dir);
  const INIT_P = [
    'CREATE TYPE "Permission" AS ENUM (\'READ\', \'WRITE\');',
    'CREATE TABLE "Access" ("id" SERIAL NOT NULL, "email" TEXT NOT NULL, "permissions" "Permission" NOT NULL, CONSTRAINT "Access_pkey" PRIMARY KEY ("id"));',
    'CREATE UNIQUE INDEX "Access_email_key" ON "Access"("email");',
  ].join('\n\n');
  const DROP_P = ['ALTER TABLE "Access" DROP COLUMN "permissions";', 'DROP TYPE "Permission";', 'DROP INDEX "Access_email_key";', 'CREATE INDEX "Access_email_idx" ON "Access"("email");'].join('\n\n');
  writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (const [name, sql] of [['20240101000000_init', INIT_P], ['20240201000000_removed_permissions_from_access', DROP_P]] as const) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), `-- ${name}\n${sql}\n`);
  }

  it('faked: the column, the enum and the replaced unique index are withheld drops; allowed, ordered after the new index', async () => {
    const db = await fresh();
    await db.exec(INIT_P);
    await db.exec(`INSERT INTO "Access" (email, permissions) VALUES ('a@x', 'READ')`);
    await resolveApplied(db, dir, '20240101000000_init');
    await resolveApplied(db, dir, '20240201000000_removed_permissions_from_access');
    const r = await status(db, dir);
    expect(r.migrations[1]?.mark).toMatch(/^[FP]$/);
    expect(r.migrations[1]?.details).toEqual(expect.arrayContaining(['drops column public."Access".permissions: still there', 'drops enum public."Permission": still there']));
    const withheld = await planRepair({ url: db.url, from: dir, ledger: {} });
    expect(withheld.plan.withheld.map((s) => s.description)).toEqual([
      'drop index Access_email_key on public."Access" (dropped by migration 20240201000000_removed_permissions_from_access)',
      'drop column public."Access".permissions (dropped by migration 20240201000000_removed_permissions_from_access)',
      'drop enum public."Permission" (dropped by migration 20240201000000_removed_permissions_from_access)',
    ]);
    const { plan } = await repair(db, dir, { allowHazards: ['drop'] });
    const order = plan.statements.map((s) => s.description);
    expect(order.findIndex((d) => d.includes('Access_email_idx'))).toBeLessThan(order.findIndex((d) => d.startsWith('drop index Access_email_key')));
    expect(r.migrations.length).toBe(2);
    expect((await status(db, dir)).migrations.map((m) => m.mark)).toEqual(['X', 'X']);
    expect(await differencesFromMigrated(db, [INIT_P, DROP_P])).toEqual([]);
  });
});

describe('Prisma: a faked migration that derived a column from others and dropped them', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-drops-prisma-derive-'));
  dirs.push(dir);
  const INIT_U = 'CREATE TABLE "User" ("id" SERIAL NOT NULL, "first" TEXT NOT NULL, "last" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));';
  const DERIVE = [
    'ALTER TABLE "User" ADD COLUMN "fullName" TEXT;',
    `UPDATE "User" SET "fullName" = "first" || ' ' || "last";`,
    'ALTER TABLE "User" ALTER COLUMN "fullName" SET NOT NULL;',
    'ALTER TABLE "User" DROP COLUMN "first",\nDROP COLUMN "last";',
  ].join('\n\n');
  writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  for (const [name, sql] of [['20240101000000_init', INIT_U], ['20240301000000_full_name', DERIVE]] as const) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql + '\n');
  }

  it('the backfill runs before NOT NULL and before the columns it reads are dropped; the repair converges to the migrations\' result', async () => {
    const db = await fresh();
    await db.exec(INIT_U);
    await db.exec(`INSERT INTO "User" (first, last) VALUES ('Ada', 'Lovelace'), ('Alan', 'Turing')`);
    await resolveApplied(db, dir, '20240101000000_init');
    await resolveApplied(db, dir, '20240301000000_full_name');
    const r = await status(db, dir);
    expect(r.migrations[1]?.reason).toBe('faked: recorded, but none of it is done (1 column, 2 drops); 1 data statement never ran');

    // Without the hazards: the column is added, nothing is dropped, the rows keep their values and no backfill runs.
    const cautious = await cli('apply', '--url', db.url, '--from', dir, '--skip-withheld');
    // Applied, with differences left (exit 2): the column waits for its backfill to be set NOT NULL.
    expect(cautious.code, cautious.stdout + cautious.stderr).toBe(2);
    expect(cautious.stdout).toContain('public."User".fullName is nullable, not NOT NULL');
    expect(await db.query('SELECT "fullName", first FROM "User" ORDER BY id')).toEqual([{ fullName: null, first: 'Ada' }, { fullName: null, first: 'Alan' }]);
    expect((await status(db, dir)).migrations[1]?.details).toEqual(['public."User".fullName is nullable, not NOT NULL', 'drops column public."User".first: still there', 'drops column public."User".last: still there']);

    // Data allowed alone: withheld with the drops (run alone, the migration would still look not done and the next plan would run them again).
    const dataOnly = await planRepair({ url: db.url, from: dir, ledger: {}, options: { allowHazards: ['data'] } });
    expect(dataOnly.plan.withheld.map((s) => s.phase)).toEqual(['data', 'drops', 'drops']);
    expect(dataOnly.plan.notes.map((n) => n.message)).toContain(
      "the data statements of migration 20240301000000_full_name are withheld with its drops, which are not allowed (run alone, the next plan would list them again): allow both, --allow-hazards drop,data",
    );
    const p = await planRepair({ url: db.url, from: dir, ledger: {}, options: { allowHazards: ['drop', 'data'] } });
    // The backfill after the column exists (added by the cautious run) and before NOT NULL, as in the migration; the drops last.
    expect(p.plan.statements.map((s) => s.description)).toEqual([
      'run the 1 data statement of migration 20240301000000_full_name (never ran)',
      'check public."User".fullName for NULLs',
      'add check fullName_reconcile_not_null (NOT VALID) on public."User"',
      'validate check fullName_reconcile_not_null on public."User"',
      'set NOT NULL on public."User".fullName',
      'drop helper check fullName_reconcile_not_null on public."User"',
      'drop column public."User".first (dropped by migration 20240301000000_full_name)',
      'drop column public."User".last (dropped by migration 20240301000000_full_name)',
    ]);
    // One apply ends in sync; a second has nothing to do (the backfill is not listed again).
    const codes: number[] = [];
    for (let round = 0; round < 2; round++) codes.push((await cli('apply', '--url', db.url, '--from', dir, '--allow-hazards', 'drop,data')).code);
    expect(codes).toEqual([0, 0]);
    const again = await planRepair({ url: db.url, from: dir, ledger: {}, options: { allowHazards: ['drop', 'data'] } });
    expect([...again.plan.statements, ...again.plan.withheld]).toEqual([]);
    expect(await db.query('SELECT "fullName" FROM "User" ORDER BY id')).toEqual([{ fullName: 'Ada Lovelace' }, { fullName: 'Alan Turing' }]);
    expect((await status(db, dir)).migrations.map((m) => m.mark)).toEqual(['X', 'X']);
    expect(await differencesFromMigrated(db, [INIT_U, DERIVE])).toEqual([]);
  });
});
