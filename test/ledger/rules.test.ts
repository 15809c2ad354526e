/**
 * The judging rules on small Django trees written for the purpose: later
 * migrations that change what an earlier one made, removals, partial states,
 * squashed migrations (by name, and with replaces.json), and the `none` ledger.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRepair } from '../../src/api/plan.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { markLines, recordDjango, repair, status } from './helpers.js';

const SHOP: Record<string, string> = {
  '0001_initial': 'CREATE TABLE "shop_item" ("id" bigint NOT NULL PRIMARY KEY, "price" integer NOT NULL, "note" text NULL);\nCREATE INDEX "shop_item_note" ON "shop_item" ("note");',
  '0002_price_bigint': 'ALTER TABLE "shop_item" ALTER COLUMN "price" TYPE bigint;',
  '0003_item_sku': 'ALTER TABLE "shop_item" ADD COLUMN "sku" varchar(20) NULL;',
  '0004_drop_note': 'DROP INDEX "shop_item_note";\nALTER TABLE "shop_item" DROP COLUMN "note";',
};
const SHOP_KEYS = Object.keys(SHOP).map((n) => `shop.${n}`);

const dirs: string[] = [];
const dbs: TestDb[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A Django sqlmigrate tree: `{app: {migration: sql}}`, plan.txt in the given order. */
function tree(apps: Record<string, Record<string, string>>, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-ledger-'));
  dirs.push(dir);
  const plan: string[] = [];
  for (const [app, migrations] of Object.entries(apps)) {
    mkdirSync(path.join(dir, app));
    for (const [name, sql] of Object.entries(migrations)) {
      writeFileSync(path.join(dir, app, `${name}.sql`), `BEGIN;\n${sql}\nCOMMIT;\n`);
      plan.push(`[ ]  ${app}.${name}`);
    }
  }
  writeFileSync(path.join(dir, 'plan.txt'), plan.join('\n') + '\n');
  for (const [file, text] of Object.entries(extra)) writeFileSync(path.join(dir, file), text);
  return dir;
}

async function fresh(): Promise<TestDb> {
  const db = await createDatabase('ledger_rules');
  dbs.push(db);
  return db;
}

async function apply(db: TestDb, names: readonly string[]): Promise<void> {
  for (const n of names) await db.exec(SHOP[n] ?? '');
}

describe('judging each migration by its own effects', () => {
  const shop = tree({ shop: SHOP });

  it('a later migration that changed, added or dropped something does not make an earlier one different', async () => {
    const db = await fresh();
    await apply(db, Object.keys(SHOP));
    await recordDjango(db, SHOP_KEYS);
    const r = await status(db, shop);
    expect(markLines(r)).toEqual([
      ' [X] 0001_initial       verified: 1 table (1 changed by later migrations)',
      ' [X] 0002_price_bigint  verified: 1 change',
      ' [X] 0003_item_sku      verified: 1 column',
      ' [X] 0004_drop_note     verified: 2 drops',
    ]);
    expect(r.inSync).toBe(true);
  });

  it('a type that is neither what the migration made nor what a later one made is different in both', async () => {
    const db = await fresh();
    await apply(db, Object.keys(SHOP));
    await db.exec('ALTER TABLE shop_item ALTER COLUMN price TYPE text');
    await recordDjango(db, SHOP_KEYS);
    const r = await status(db, shop);
    expect(markLines(r)).toEqual([
      ' [~] 0001_initial       applied differently: 1 table not as the migration made it',
      ' [~] 0002_price_bigint  applied differently: 1 change not as the migration made it',
      ' [X] 0003_item_sku      verified: 1 column',
      ' [X] 0004_drop_note     verified: 2 drops',
    ]);
    expect(r.migrations.map((m) => m.details)).toEqual([['public.shop_item.price is text, not integer'], ['public.shop_item.price is text, not bigint'], [], []]);
  });

  it('an alteration that did not happen is missing, and the earlier migration is as it made it', async () => {
    const db = await fresh();
    await apply(db, ['0001_initial', '0003_item_sku', '0004_drop_note']);
    await recordDjango(db, SHOP_KEYS);
    const r = await status(db, shop);
    expect(markLines(r)).toEqual([
      ' [X] 0001_initial       verified: 1 table (1 changed by later migrations)',
      ' [F] 0002_price_bigint  faked: recorded, but 1 change missing',
      ' [X] 0003_item_sku      verified: 1 column',
      ' [X] 0004_drop_note     verified: 2 drops',
    ]);
    expect(r.migrations[1]?.details).toEqual(['missing: type bigint of public.shop_item.price']);
  });

  it('drops that did not happen: faked; one of two: partial (recorded) or partly present (unrecorded)', async () => {
    const db = await fresh();
    await apply(db, ['0001_initial', '0002_price_bigint', '0003_item_sku']);
    await recordDjango(db, SHOP_KEYS);
    const faked = await status(db, shop);
    expect(markLines(faked)).toEqual([
      ' [X] 0001_initial       verified: 1 table (1 changed by later migrations)',
      ' [X] 0002_price_bigint  verified: 1 change',
      ' [X] 0003_item_sku      verified: 1 column',
      ' [F] 0004_drop_note     faked: recorded, but none of it is done (2 drops)',
    ]);
    expect(faked.migrations[3]?.details).toEqual(['drops column public.shop_item.note: still there', 'drops index shop_item_note on public.shop_item: still there']);

    await db.exec('DROP INDEX shop_item_note');
    expect(markLines(await status(db, shop))[3]).toBe(' [P] 0004_drop_note     partial: 1 of 2 effects missing');
    await db.exec(`DELETE FROM django_migrations WHERE name = '0004_drop_note'`);
    expect(markLines(await status(db, shop))[3]).toBe(' [R] 0004_drop_note     not recorded; partly present: 1 of 2 effects missing');
    // The column 0004 dropped is dropped only under the drop hazard: withheld, 0004 stays unrecorded, with a warning.
    const p = await planRepair({ url: db.url, from: shop, ledger: {} });
    expect(p.plan.statements.filter((s) => s.phase === 'ledger')).toEqual([]);
    expect(p.plan.withheld.map((s) => s.description)).toEqual(['drop column public.shop_item.note (dropped by migration shop.0004_drop_note)']);
    expect(p.plan.notes.map((n) => n.message)).toContain(
      'shop.0004_drop_note stays unrecorded: after this plan its effects are still partly missing (drops column public.shop_item.note: still there); allow the withheld statements or fix it by hand, then plan again',
    );
    // Allowed, the column goes and 0004 is recorded.
    const allowed = await planRepair({ url: db.url, from: shop, ledger: {}, options: { allowHazards: ['drop'] } });
    expect(allowed.plan.statements.map((s) => s.description)).toEqual([
      'drop column public.shop_item.note (dropped by migration shop.0004_drop_note)',
      'record shop.0004_drop_note as applied',
      'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    ]);
  });

  it('the none ledger judges effects only', async () => {
    const db = await fresh();
    await apply(db, ['0001_initial', '0002_price_bigint']);
    const r = await status(db, shop, 'none');
    expect(r.ledger).toEqual({ kind: 'none', table: null, exists: false });
    expect(markLines(r)).toEqual([
      ' [X] 0001_initial       present: 1 table (1 changed by later migrations)',
      ' [X] 0002_price_bigint  present: 1 change',
      ' [ ] 0003_item_sku      pending: 1 column',
      ' [ ] 0004_drop_note     pending: 2 drops',
    ]);
    expect(r.inSync).toBe(false);
    const p = await planRepair({ url: db.url, from: shop, ledger: { choice: 'none' } });
    expect(p.plan.statements.filter((s) => s.phase === 'ledger')).toEqual([]);
  });
});

describe('squashed Django migrations', () => {
  const squashed = { blog: { '0001_initial_squashed_0002_post_title': 'CREATE TABLE "blog_post" ("id" bigint NOT NULL PRIMARY KEY, "title" varchar(200) NOT NULL);' } };
  const create = 'CREATE TABLE "blog_post" ("id" bigint NOT NULL PRIMARY KEY, "title" varchar(200) NOT NULL);';

  it('by Django\'s default name: recorded as the migrations it replaces, or as itself', async () => {
    const dir = tree(squashed);
    const db = await fresh();
    await db.exec(create);
    await recordDjango(db, ['blog.0001_initial', 'blog.0002_post_title']);
    const r = await status(db, dir);
    expect(markLines(r)).toEqual([' [X] 0001_initial_squashed_0002_post_title  verified: 1 table; recorded as the 2 migrations it replaces']);
    expect(r.unknownRows).toEqual([]);
    expect(r.inSync).toBe(true);

    await db.exec(`DELETE FROM django_migrations WHERE name = '0002_post_title'`);
    const half = await status(db, dir);
    expect(markLines(half)).toEqual([' [R] 0001_initial_squashed_0002_post_title  present but not recorded: 1 table; 1 of the migrations it replaces are recorded, not all']);
    const { plan } = await repair(db, dir);
    // The replaced names are unknown without replaces.json: only the squashed row is written.
    expect(plan.statements.map((s) => s.description)[0]).toBe('record blog.0001_initial_squashed_0002_post_title as applied');
    const after = await status(db, dir);
    expect(markLines(after)).toEqual([' [X] 0001_initial_squashed_0002_post_title  verified: 1 table']);
    expect(after.inSync).toBe(true);
  });

  it('with replaces.json: the fix writes the replaced rows and the squashed one, as Django does', async () => {
    const dir = tree(
      { blog: { '0001_squashed_blog': create } },
      { 'replaces.json': JSON.stringify({ 'blog.0001_squashed_blog': ['blog.0001_initial', 'blog.0002_post_title'] }) },
    );
    const db = await fresh();
    await db.exec(create);
    await recordDjango(db, ['blog.0001_initial', 'blog.0002_post_title']);
    expect(markLines(await status(db, dir))).toEqual([' [X] 0001_squashed_blog  verified: 1 table; recorded as the 2 migrations it replaces']);
    await db.exec('DELETE FROM django_migrations');
    const { plan } = await repair(db, dir);
    expect(plan.statements.map((s) => s.description)).toEqual([
      'record blog.0001_initial as applied (replaced by blog.0001_squashed_blog)',
      'record blog.0002_post_title as applied (replaced by blog.0001_squashed_blog)',
      'record blog.0001_squashed_blog as applied',
      'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    ]);
    expect((await db.query<{ name: string }>('SELECT name FROM django_migrations ORDER BY id')).map((x) => x.name)).toEqual([
      '0001_initial',
      '0002_post_title',
      '0001_squashed_blog',
    ]);
    expect((await status(db, dir)).inSync).toBe(true);
  });
});

describe('data-only migrations', () => {
  const notes = {
    notes: {
      '0001_initial': 'CREATE TABLE "notes_note" ("id" bigint NOT NULL PRIMARY KEY, "body" text NOT NULL);',
      '0002_backfill': '--\n-- MIGRATION NOW PERFORMS OPERATION THAT CANNOT BE WRITTEN AS SQL:\n-- Raw Python operation\n--',
    },
  };

  it('an unrecorded data migration with nothing recorded after it stays pending, with a warning in the plan', async () => {
    const dir = tree(notes);
    const db = await fresh();
    await db.exec(notes.notes['0001_initial']);
    await recordDjango(db, ['notes.0001_initial']);
    const r = await status(db, dir);
    expect(markLines(r)).toEqual([
      ' [X] 0001_initial   verified: 1 table',
      ' [ ] 0002_backfill  pending; data only (no schema change), not checkable',
    ]);
    expect(r.inSync).toBe(false);
    const p = await planRepair({ url: db.url, from: dir, ledger: {} });
    expect(p.plan.statements).toEqual([]);
    expect(p.plan.notes.map((n) => n.message)).toEqual([
      'notes.0002_backfill is not recorded and has no schema effect to check (data only): reconcile cannot tell whether it ran; record it by hand if it did',
    ]);
  });
});
