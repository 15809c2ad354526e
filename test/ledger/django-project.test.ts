/**
 * The Django ledger with the project itself as the source (`--from manage.py`),
 * every state made by real Django (`migrate`, `migrate --fake`, `migrate chat zero
 * --fake`): status marks through the CLI, then one `apply` repairs, status is
 * verified, and Django itself (`showmigrations --plan`) sees every migration applied.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adminUrl, createDatabase, type TestDb } from '../helpers/db.js';
import { CHAT_MANAGE, GUARDED_MANAGE, SHOP_MANAGE, djangoPlan, manage, requireDjango } from '../helpers/django.js';
import { INCIDENT_SQL, cli } from './helpers.js';

requireDjango();
const cacheHome = mkdtempSync(path.join(os.tmpdir(), 'reconcile-djledger-cache-'));
process.env['XDG_CACHE_HOME'] = cacheHome;

const dbs: TestDb[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
  rmSync(cacheHome, { recursive: true, force: true });
});

async function fresh(): Promise<TestDb> {
  const db = await createDatabase('ledger_djproj');
  dbs.push(db);
  return db;
}

const marks = (out: string): string[] =>
  out
    .split('\n')
    .filter((l) => /^ \[[XFP~R ?]\] /.test(l))
    .map((l) => l.trimEnd());
const summaryOf = (out: string): string => out.trimEnd().split('\n').at(-1) ?? '';

const status = (db: TestDb, from: string): ReturnType<typeof cli> => cli('status', '--url', db.url, '--from', from, '--shadow', adminUrl());
const apply = (db: TestDb, from: string, ...extra: string[]): ReturnType<typeof cli> => cli('apply', '--url', db.url, '--from', from, '--shadow', adminUrl(), ...extra);

const CHAT_VERIFIED = [
  ' [X] 0001_initial                       verified: 2 tables',
  ' [X] 0002_message_message_type          verified: 1 column',
  ' [?] 0003_backfill_message_type         recorded; data only (no schema change), not checkable',
  ' [X] 0004_callsession                   verified: 2 tables',
  ' [X] 0005_callsession_provider_call_id  verified: 1 column, 2 indexes',
  ' [X] 0006_callsession_guard             verified: 1 function, 1 trigger, 1 policy, 1 row-level security setting',
  ' [X] 0001_initial                       verified: 1 table',
  ' [X] 0001_initial                       verified: 1 table',
  ' [X] 0002_user_contact                  verified: 1 column',
];
const CHAT_IN_SYNC = 'Summary: 8 verified, 1 not checkable; schema matches the source; in sync';

/** After the repair: status in sync, and Django itself sees every migration applied. */
async function expectRepaired(db: TestDb, manageFile: string, verified: readonly string[], inSync: string): Promise<void> {
  const after = await status(db, manageFile);
  expect(marks(after.stdout)).toEqual(verified);
  expect(summaryOf(after.stdout)).toBe(inSync);
  expect(after.code).toBe(0);
  expect(djangoPlan(manageFile, db.url).filter((l) => !l.startsWith('[X]'))).toEqual([]);
}

describe('django ledger, project source (--from manage.py)', () => {
  it('state-only migrations not applied: apply records one whose app has no gap before it, never a RunPython that sent no SQL', async () => {
    const db = await fresh();
    // auth in full first: guardian's post_migrate handler needs its final auth_user (Django fails a partial run otherwise).
    manage(GUARDED_MANAGE, db.url, 'migrate', 'auth', '--noinput');
    manage(GUARDED_MANAGE, db.url, 'migrate', 'notes', '0001', '--noinput');
    const before = await status(db, GUARDED_MANAGE);
    expect(marks(before.stdout).slice(-4).map((l) => l.replace(/ {2,}/g, '  '))).toEqual([
      ' [X] 0001_initial  verified: 1 sequence, 1 table',
      ' [ ] 0002_note_options  pending; state only (it runs no SQL and no code), nothing to check',
      ' [ ] 0003_note_text_stripped  pending; data only (no schema change), not checkable',
      ' [ ] 0004_note_verbose_name  pending; state only (it runs no SQL and no code), nothing to check',
    ]);
    const r = await apply(db, GUARDED_MANAGE);
    // Done (exit 0), and it says what verify will still find: the backfill and the migration after it are pending.
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('verified: the schema matches the plan; the ledger still disagrees with the source (reconcile verify exits 2 on it):');
    expect(r.stdout).toContain('notes.0003_note_text_stripped: pending');
    expect(r.stdout).toContain('record notes.0002_note_options as applied');
    expect(r.stdout).not.toContain('record notes.0003');
    expect(r.stdout).not.toContain('record notes.0004');
    expect(r.stdout).toContain('warning: notes.0003_note_text_stripped is not recorded and has no schema effect to check (data only)');
    expect((await cli('verify', '--url', db.url, '--from', GUARDED_MANAGE, '--shadow', adminUrl())).code).toBe(2);
    // The backfill still runs when Django migrates: it was never recorded for it.
    expect(djangoPlan(GUARDED_MANAGE, db.url).filter((l) => !l.startsWith('[X]'))).toEqual(['[ ]  notes.0003_note_text_stripped', '[ ]  notes.0004_note_verbose_name']);
    manage(GUARDED_MANAGE, db.url, 'migrate', '--noinput');
    const after = await status(db, GUARDED_MANAGE);
    expect(after.code).toBe(0);
    expect(summaryOf(after.stdout)).toMatch(/; schema matches the source; in sync$/);
  });

  it('clean: manage.py migrate; every migration verified, apply changes nothing', async () => {
    const db = await fresh();
    manage(CHAT_MANAGE, db.url, 'migrate', '--noinput');
    const r = await status(db, CHAT_MANAGE);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([`Source: ${CHAT_MANAGE} (django-project)`, 'Ledger: django (public.django_migrations)']);
    expect(marks(r.stdout)).toEqual(CHAT_VERIFIED);
    expect(summaryOf(r.stdout)).toBe(CHAT_IN_SYNC);
    expect(r.code).toBe(0);
    const rows = await db.query('SELECT id, app, name, applied FROM django_migrations ORDER BY id');
    const a = await apply(db, CHAT_MANAGE);
    expect(a.code).toBe(0);
    expect(await db.query('SELECT id, app, name, applied FROM django_migrations ORDER BY id')).toEqual(rows);
  });

  it('faked: migrate users, migrate chat 0003, then migrate --fake; one apply creates what was faked', async () => {
    const db = await fresh();
    manage(CHAT_MANAGE, db.url, 'migrate', 'users', '--noinput');
    manage(CHAT_MANAGE, db.url, 'migrate', 'chat', '0003_backfill_message_type', '--noinput');
    manage(CHAT_MANAGE, db.url, 'migrate', '--fake', '--noinput');
    const r = await status(db, CHAT_MANAGE);
    expect(marks(r.stdout)).toEqual([
      ' [X] 0001_initial                       verified: 2 tables',
      ' [X] 0002_message_message_type          verified: 1 column',
      ' [?] 0003_backfill_message_type         recorded; data only (no schema change), not checkable',
      ' [F] 0004_callsession                   faked: recorded, but 2 tables missing',
      ' [F] 0005_callsession_provider_call_id  faked: recorded, but 1 column, 2 indexes missing',
      ' [F] 0006_callsession_guard             faked: recorded, but 1 function, 1 trigger, 1 policy, 1 row-level security setting missing',
      ' [X] 0001_initial                       verified: 1 table',
      ' [X] 0001_initial                       verified: 1 table',
      ' [X] 0002_user_contact                  verified: 1 column',
    ]);
    expect(r.code).toBe(2);
    const a = await apply(db, CHAT_MANAGE);
    expect(a.code).toBe(0);
    await expectRepaired(db, CHAT_MANAGE, CHAT_VERIFIED, CHAT_IN_SYNC);
  });

  it('the incident: chat 0004 faked, its tables hand-written; one apply repairs tables and ledger', async () => {
    const db = await fresh();
    manage(CHAT_MANAGE, db.url, 'migrate', 'users', '--noinput');
    manage(CHAT_MANAGE, db.url, 'migrate', 'chat', '0003_backfill_message_type', '--noinput');
    manage(CHAT_MANAGE, db.url, 'migrate', 'chat', '0004_callsession', '--fake', '--noinput');
    await db.exec(INCIDENT_SQL);
    const r = await status(db, CHAT_MANAGE);
    expect(marks(r.stdout)).toEqual([
      ' [X] 0001_initial                       verified: 2 tables',
      ' [X] 0002_message_message_type          verified: 1 column',
      ' [?] 0003_backfill_message_type         recorded; data only (no schema change), not checkable',
      ' [~] 0004_callsession                   applied differently: 2 tables not as the migration made them',
      ' [ ] 0005_callsession_provider_call_id  pending: 1 column, 2 indexes',
      ' [ ] 0006_callsession_guard             pending: 1 function, 1 trigger, 1 policy, 1 row-level security setting',
      ' [X] 0001_initial                       verified: 1 table',
      ' [X] 0001_initial                       verified: 1 table',
      ' [X] 0002_user_contact                  verified: 1 column',
    ]);
    expect(summaryOf(r.stdout)).toBe('Summary: 5 verified, 1 not checkable, 1 applied differently, 2 pending; schema differs from the source in 33 places; out of sync');
    const a = await apply(db, CHAT_MANAGE, '--allow-hazards', 'rewrite');
    expect(a.code).toBe(0);
    await expectRepaired(db, CHAT_MANAGE, CHAT_VERIFIED, CHAT_IN_SYNC);
  });

  it('ledger lost: migrate chat zero --fake; apply writes the rows back, Django accepts them', async () => {
    const db = await fresh();
    manage(CHAT_MANAGE, db.url, 'migrate', '--noinput');
    manage(CHAT_MANAGE, db.url, 'migrate', 'chat', 'zero', '--fake', '--noinput');
    const r = await status(db, CHAT_MANAGE);
    expect(marks(r.stdout)).toEqual([
      ' [R] 0001_initial                       present but not recorded: 2 tables',
      ' [R] 0002_message_message_type          present but not recorded: 1 column',
      ' [R] 0003_backfill_message_type         inferred: later migrations it precedes are present; data only (no schema change)',
      ' [R] 0004_callsession                   present but not recorded: 2 tables',
      ' [R] 0005_callsession_provider_call_id  present but not recorded: 1 column, 2 indexes',
      ' [R] 0006_callsession_guard             present but not recorded: 1 function, 1 trigger, 1 policy, 1 row-level security setting',
      ' [X] 0001_initial                       verified: 1 table',
      ' [X] 0001_initial                       verified: 1 table',
      ' [X] 0002_user_contact                  verified: 1 column',
    ]);
    const a = await apply(db, CHAT_MANAGE);
    expect(a.code).toBe(0);
    await expectRepaired(db, CHAT_MANAGE, CHAT_VERIFIED, CHAT_IN_SYNC);
  });

  it('shop: a squashed migration recorded as the ones it replaces is verified; a faked AlterField that drops is found', async () => {
    const db = await fresh();
    manage(SHOP_MANAGE, db.url, 'migrate', 'catalog', '0001_initial', '--noinput');
    manage(SHOP_MANAGE, db.url, 'migrate', 'catalog', '0002_product_sku_not_unique', '--fake', '--noinput');
    manage(SHOP_MANAGE, db.url, 'migrate', '--noinput');
    // Django recorded the squashed migration as the ones it replaces, and the squashed one at the end of the run.
    const orders = await db.query<{ name: string }>("SELECT name FROM django_migrations WHERE app = 'orders' ORDER BY id");
    expect(orders.map((o) => o.name)).toEqual(['0001_initial', '0002_order_note', '0003_order-status', '0001_order_history']);
    const r = await status(db, SHOP_MANAGE);
    const lines = marks(r.stdout);
    // What sqlmigrate on an empty database cannot show: the unique constraint Django drops by its looked-up name.
    expect(r.stdout).toContain(
      [
        ' [F] 0002_product_sku_not_unique                              faked: recorded, but none of it is done (2 drops)',
        '       - drops unique constraint catalog_product_sku_key on public.catalog_product: still there',
        '       - drops index catalog_product_sku_5c54c070_like on public.catalog_product: still there',
      ].join('\n'),
    );
    expect(lines.filter((l) => l.includes('0001_order_history') || l.includes('0003_order-status'))).toEqual([
      ' [X] 0001_order_history                                       verified: 1 sequence, 1 table',
      ' [X] 0003_order-status                                        verified: 1 column, 2 indexes',
    ]);
    expect(r.code).toBe(2);
  });

  it('shop: a faked RunSQL migration and a faked hyphenated one; one apply repairs, Django accepts the ledger', async () => {
    const db = await fresh();
    manage(SHOP_MANAGE, db.url, 'migrate', 'catalog', '0002_product_sku_not_unique', '--noinput');
    manage(SHOP_MANAGE, db.url, 'migrate', 'catalog', '0003_product_search', '--fake', '--noinput');
    manage(SHOP_MANAGE, db.url, 'migrate', 'orders', '0001_order_history', '--noinput');
    manage(SHOP_MANAGE, db.url, 'migrate', '--fake', '--noinput');
    const r = await status(db, SHOP_MANAGE);
    const lines = marks(r.stdout);
    expect(lines.filter((l) => /0003_|0004_default/.test(l))).toEqual([
      ' [F] 0003_product_search                                      faked: recorded, but 1 index, 1 view missing',
      ' [?] 0004_default_category                                    recorded; data only (no schema change), not checkable',
      ' [F] 0003_order-status                                        faked: recorded, but 1 column, 2 indexes missing',
      ' [X] 0003_taggeditem_add_unique_index                         verified: 1 constraint',
    ]);
    const a = await apply(db, SHOP_MANAGE);
    expect(a.code).toBe(0);
    const after = await status(db, SHOP_MANAGE);
    expect(marks(after.stdout).filter((l) => /\[[FP~R ]\]/.test(l))).toEqual([]);
    expect(after.code).toBe(0);
    expect(djangoPlan(SHOP_MANAGE, db.url).filter((l) => !l.startsWith('[X]'))).toEqual([]);
  });

  it('shop: only the squashed row recorded, the rows it replaces lost: not applied for Django; apply writes them', async () => {
    const db = await fresh();
    manage(SHOP_MANAGE, db.url, 'migrate', '--noinput');
    await db.exec("DELETE FROM django_migrations WHERE app = 'orders' AND name IN ('0001_initial', '0002_order_note')");
    // Django itself would apply the squashed migration again (and fail on the existing table).
    expect(djangoPlan(SHOP_MANAGE, db.url)).toContain('[ ]  orders.0001_order_history');
    const r = await status(db, SHOP_MANAGE);
    expect(marks(r.stdout).find((l) => l.includes('0001_order_history'))).toBe(
      ' [R] 0001_order_history                                       present but not recorded: 1 sequence, 1 table; its own row is there, but Django counts it applied only when all 2 migrations it replaces are recorded',
    );
    expect(r.code).toBe(2);
    const a = await apply(db, SHOP_MANAGE);
    expect(a.code).toBe(0);
    const rows = await db.query<{ name: string }>("SELECT name FROM django_migrations WHERE app = 'orders' ORDER BY id");
    expect(rows.map((x) => x.name)).toEqual(['0003_order-status', '0001_order_history', '0001_initial', '0002_order_note']);
    expect((await status(db, SHOP_MANAGE)).code).toBe(0);
    expect(djangoPlan(SHOP_MANAGE, db.url).filter((l) => !l.startsWith('[X]'))).toEqual([]);
  });
});
