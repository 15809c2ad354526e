/**
 * The Django project source (`--from manage.py`) on real Django and a real
 * PostgreSQL: the chat project of the incident and a shop project with
 * django-taggit, a cross-app foreign key, RunSQL, RunPython, a squashed
 * migration and a hyphenated name. What it reads equals what `manage.py migrate`
 * really makes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeChange } from '../../src/declared/effects.js';
import { detectSource, loadDeclared, migrationEffects, type Declared } from '../../src/declared/index.js';
import { applyScope } from '../../src/diff/scope.js';
import { adminUrl, createDatabase, type TestDb } from '../helpers/db.js';
import { CHAT_MANAGE, CHAT_PROJECT, GUARDED_MANAGE, SHOP_MANAGE, SHOP_PROJECT, djangoPlan, manage, requireDjango } from '../helpers/django.js';

requireDjango();

const dbs: TestDb[] = [];
const tmps: string[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
  for (const t of tmps) rmSync(t, { recursive: true, force: true });
});

async function migrated(manageFile: string): Promise<TestDb> {
  const db = await createDatabase('djproj');
  dbs.push(db);
  manage(manageFile, db.url, 'migrate', '--noinput');
  return db;
}

const load = (from: string, extra: { cacheDir?: string; shadow?: boolean } = {}): Promise<Declared> =>
  loadDeclared(from, {
    snapshots: true,
    cache: extra.cacheDir !== undefined,
    ...(extra.cacheDir ? { cacheDir: extra.cacheDir } : {}),
    shadowUrl: extra.shadow === false ? undefined : adminUrl(),
  });

const effects = (d: Declared, key: string): string[] =>
  migrationEffects(d)
    .find((e) => e.migration.key === key)
    ?.changes.map(describeChange) ?? [];

describe('django project source', () => {
  it('detects manage.py, the folder holding it, and the django-project: prefix', () => {
    expect(detectSource(CHAT_MANAGE)).toEqual({ kind: 'django-project', location: CHAT_MANAGE });
    expect(detectSource(CHAT_PROJECT)).toEqual({ kind: 'django-project', location: CHAT_PROJECT });
    expect(detectSource(`django-project:${SHOP_PROJECT}`)).toEqual({ kind: 'django-project', location: SHOP_PROJECT });
  });

  it('chat: equals manage.py migrate on a real database, and the sqlmigrate tree exported from it', async () => {
    const d = await load(CHAT_MANAGE);
    const db = await migrated(CHAT_MANAGE);
    const live = applyScope(await db.inspect(), {}, { ledger: true });
    expect(d.schema).toEqual(live);
    expect(d.snapshots.at(-1)?.after).toEqual(live);
    const tree = await loadDeclared(path.join(CHAT_PROJECT, '../django'), { cache: false });
    expect(d.schema).toEqual(tree.schema);
    expect(d.migrations.map((m) => m.key)).toEqual(djangoPlan(CHAT_MANAGE, db.url).map((l) => l.replace(/^\[X\]\s+/, '')));
    const backfill = d.migrations.find((m) => m.key === 'chat.0003_backfill_message_type');
    expect(backfill?.dataOnly).toBe(true);
    expect(backfill?.sql).toBe(`UPDATE "chat_message" SET "message_type" = 'image' WHERE "chat_message"."content"::text LIKE '[image]%';`);
    expect(backfill?.file).toBe(path.join(CHAT_PROJECT, 'chat/migrations/0003_backfill_message_type.py'));
    expect(backfill?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(effects(d, 'chat.0005_callsession_provider_call_id')).toEqual([
      '+ column public.chat_callsession.provider_call_id character varying(64)',
      '+ index chat_callsession_provider_call_id_2d741d04 on public.chat_callsession',
      '+ index chat_callsession_provider_call_id_2d741d04_like on public.chat_callsession',
    ]);
    // Django's own ledger is no migration's effect.
    expect(d.schema.tables.map((t) => t.name)).not.toContain('django_migrations');
    expect(d.notices[0]).toMatch(/^read .*manage\.py with .* \(Python 3\.\d+\.\d+, Django \d+\.\d+.*\): manage\.py migrate, one migration at a time, settings chatproject\.settings \(from manage\.py\)/);
  });

  it('shop: third-party app, cross-app FK, RunSQL, RunPython, squashed and hyphenated migrations, as migrate makes them', async () => {
    const d = await load(SHOP_MANAGE);
    const db = await migrated(SHOP_MANAGE);
    const live = applyScope(await db.inspect(), {}, { ledger: true });
    expect(d.schema).toEqual(live);
    expect(d.migrations.map((m) => m.key)).toEqual(djangoPlan(SHOP_MANAGE, db.url).map((l) => l.replace(/^\[X\]\s+/, '')));
    expect(d.migrations.map((m) => m.key)).toContain('taggit.0001_initial');
    expect(d.migrations.map((m) => m.key).slice(-2)).toEqual(['orders.0001_order_history', 'orders.0003_order-status']);
    expect(d.migrations.find((m) => m.key === 'orders.0001_order_history')?.replaces).toEqual(['orders.0001_initial', 'orders.0002_order_note']);
    expect(effects(d, 'orders.0001_order_history')).toEqual(['+ sequence public.orders_order_id_seq', '+ table public.orders_order (5 columns, 1 foreign key, 1 check, 1 index)']);
    expect(effects(d, 'orders.0003_order-status')).toEqual([
      '+ column public.orders_order.status character varying(16) NOT NULL',
      '+ index orders_order_status_445594e5 on public.orders_order',
      '+ index orders_order_status_445594e5_like on public.orders_order',
    ]);
    // AlterField unique=True -> False: Django looks the constraint's name up in the database.
    expect(effects(d, 'catalog.0002_product_sku_not_unique')).toEqual([
      '- unique constraint catalog_product_sku_key on public.catalog_product',
      '- index catalog_product_sku_5c54c070_like on public.catalog_product',
    ]);
    expect(effects(d, 'catalog.0003_product_search')).toEqual(['+ index catalog_product_unpriced on public.catalog_product', '+ view public.catalog_product_priced']);
    const views = (key: string): string[] => d.snapshots.find((s) => s.migration.key === key)?.after.views.map((v) => v.name) ?? [];
    expect(views('catalog.0002_product_sku_not_unique')).toEqual([]);
    expect(views('catalog.0003_product_search')).toEqual(['catalog_product_priced']);
    const data = d.migrations.find((m) => m.key === 'catalog.0004_default_category');
    expect(data?.dataOnly).toBe(true);
    expect(data?.sql).toMatch(/^INSERT INTO "catalog_category" \("name"\) VALUES \('Uncategorized'\) RETURNING "catalog_category"."id";$/m);
  });

  it('guarded: pre_migrate and post_migrate are sent once, as migrate sends them (django-guardian needs auth_user; a handler makes a view)', async () => {
    const d = await load(GUARDED_MANAGE);
    const db = await migrated(GUARDED_MANAGE);
    const live = applyScope(await db.inspect(), {}, { ledger: true });
    expect(d.schema).toEqual(live);
    expect(d.schema.tables.map((t) => t.name)).toContain('guardian_userobjectpermission');
    // The post_migrate handler's view, made after the last migration: in the model, in no migration's effects.
    expect(d.schema.views.map((v) => v.name)).toEqual(['notes_note_owner']);
    expect(d.snapshots.at(-1)?.after.views).toEqual([]);
    expect(d.migrations.map((m) => m.key)).toEqual(djangoPlan(GUARDED_MANAGE, db.url).map((l) => l.replace(/^\[X\]\s+/, '')));
    // Django itself fails a partial migrate of this project in guardian's handler: the reason the signals wait.
    const partial = await createDatabase('djproj_partial');
    dbs.push(partial);
    expect(() => manage(GUARDED_MANAGE, partial.url, 'migrate', 'contenttypes', '--noinput')).toThrow(/auth_user/);
  });

  it('sqlmigrate on an empty database misses what AlterField drops by a looked-up name (why the project source exists)', async () => {
    const db = await createDatabase('djproj_empty');
    dbs.push(db);
    const sql = manage(SHOP_MANAGE, db.url, 'sqlmigrate', 'catalog', '0002_product_sku_not_unique');
    expect(sql).toContain('DROP INDEX IF EXISTS "catalog_product_sku_5c54c070_like"');
    expect(sql).not.toContain('catalog_product_sku_key');
  });

  it('without --shadow, runs on the embedded PostgreSQL it starts', async () => {
    const d = await load(CHAT_MANAGE, { shadow: false });
    const db = await migrated(CHAT_MANAGE);
    expect(d.schema).toEqual(applyScope(await db.inspect(), {}, { ledger: true }));
    expect(d.notices.join('\n')).toMatch(/created temporary database "reconcile_shadow_[0-9a-f]+" on postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres \(PostgreSQL 18/);
  });

  it('is cached by the content of the migration files and the settings module', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-djcache-'));
    tmps.push(dir);
    const project = path.join(dir, 'project');
    cpSync(CHAT_PROJECT, project, { recursive: true });
    const manageFile = path.join(project, 'manage.py');
    const cacheDir = path.join(dir, 'cache');
    const first = await load(manageFile, { cacheDir });
    expect(first.fromCache).toBe(false);
    const second = await load(manageFile, { cacheDir });
    expect(second.fromCache).toBe(true);
    expect(second.snapshots).toEqual(first.snapshots);
    expect(second.migrations).toEqual(first.migrations);

    const migration = path.join(project, 'chat/migrations/0005_callsession_provider_call_id.py');
    writeFileSync(migration, readFileSync(migration, 'utf8').replace('max_length=64', 'max_length=80'));
    const edited = await load(manageFile, { cacheDir });
    expect(edited.fromCache).toBe(false);
    expect(effects(edited, 'chat.0005_callsession_provider_call_id')[0]).toBe('+ column public.chat_callsession.provider_call_id character varying(80)');

    const settings = path.join(project, 'chatproject/settings.py');
    writeFileSync(settings, readFileSync(settings, 'utf8') + '\nTIME_ZONE = "Europe/Paris"\n');
    expect((await load(manageFile, { cacheDir })).fromCache).toBe(false);
    expect((await load(manageFile, { cacheDir })).fromCache).toBe(true);
  });

  it('honours DJANGO_SETTINGS_MODULE over the one manage.py sets', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-djsettings-'));
    tmps.push(dir);
    const project = path.join(dir, 'project');
    cpSync(CHAT_PROJECT, project, { recursive: true });
    // Settings of another name that leave the chat app out: its tables must be absent.
    writeFileSync(path.join(project, 'chatproject/nochat.py'), 'from chatproject.settings import *\nINSTALLED_APPS = ["users", "parcels"]\n');
    process.env['DJANGO_SETTINGS_MODULE'] = 'chatproject.nochat';
    try {
      const d = await load(path.join(project, 'manage.py'));
      expect([...new Set(d.migrations.map((m) => m.app))]).toEqual(['users', 'parcels']);
      expect(d.notices[0]).toContain('settings chatproject.nochat (from environment)');
    } finally {
      delete process.env['DJANGO_SETTINGS_MODULE'];
    }
  });
});
