/**
 * The Django ledger on the chat app's real sqlmigrate tree: clean, faked,
 * the incident, ledger lost. For each state: the exact status lines, then
 * plan + run the script + status again (all verified), re-plan (empty) and
 * run again (changes nothing).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { planRepair } from '../../src/api/plan.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { runScript } from '../helpers/script.js';
import { DJANGO_PLAN, DJANGO_TREE, INCIDENT_SQL, markLines, recordDjango, repair, replayDjango, status, text } from './helpers.js';
import { renderPlanSql } from '../../src/render/plan-sql.js';

const dbs: TestDb[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
});

async function fresh(): Promise<TestDb> {
  const db = await createDatabase('ledger_dj');
  dbs.push(db);
  return db;
}

const ALL_VERIFIED = [
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
const IN_SYNC = 'Summary: 8 verified, 1 not checkable; schema matches the source; in sync';

const summary = (t: string): string => t.trimEnd().split('\n').at(-1) ?? '';

/** Plan with the ledger fix and run it; then all verified, a re-plan is empty, a second run changes nothing. */
async function repairAndConverge(db: TestDb, allowHazards: ('rewrite')[] = []): Promise<string> {
  const { script } = await repair(db, DJANGO_TREE, { allowHazards });
  const after = await status(db, DJANGO_TREE);
  expect(markLines(after)).toEqual(ALL_VERIFIED);
  expect(summary(text(after))).toBe(IN_SYNC);
  expect(after.inSync).toBe(true);
  const again = await planRepair({ url: db.url, from: DJANGO_TREE, options: { allowHazards }, ledger: {} });
  expect(again.plan.statements.map((s) => s.description)).toEqual([]);
  const rowsBefore = await db.query('SELECT id, app, name, applied FROM django_migrations ORDER BY id');
  await runScript(db.url, script);
  expect(await db.query('SELECT id, app, name, applied FROM django_migrations ORDER BY id')).toEqual(rowsBefore);
  return script;
}

describe('django ledger', () => {
  it('clean: every migration applied and recorded is verified; the plan is empty', async () => {
    const db = await fresh();
    await replayDjango(db, DJANGO_PLAN);
    await recordDjango(db, DJANGO_PLAN);
    const r = await status(db, DJANGO_TREE);
    expect(r.ledger).toEqual({ kind: 'django', table: { schema: 'public', name: 'django_migrations' }, exists: true });
    expect(text(r).split('\n').slice(0, 2)).toEqual([`Source: ${DJANGO_TREE} (django-tree)`, 'Ledger: django (public.django_migrations)']);
    expect(markLines(r)).toEqual(ALL_VERIFIED);
    expect(summary(text(r))).toBe(IN_SYNC);
    const p = await planRepair({ url: db.url, from: DJANGO_TREE, ledger: {} });
    expect(p.plan.statements).toEqual([]);
  });

  it('faked: chat 0004, 0005 and 0006 recorded, their objects never created', async () => {
    const db = await fresh();
    await replayDjango(db, DJANGO_PLAN.filter((k) => k !== 'chat.0004_callsession' && k !== 'chat.0005_callsession_provider_call_id' && k !== 'chat.0006_callsession_guard'));
    await recordDjango(db, DJANGO_PLAN);
    const r = await status(db, DJANGO_TREE);
    expect(markLines(r)).toEqual([
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
    expect(text(r)).toContain(
      [
        ' [F] 0004_callsession                   faked: recorded, but 2 tables missing',
        '       - missing: table public.chat_calllog',
        '       - missing: table public.chat_callsession',
        ' [F] 0005_callsession_provider_call_id  faked: recorded, but 1 column, 2 indexes missing',
        '       - missing: column public.chat_callsession.provider_call_id',
        '       - missing: index chat_callsession_provider_call_id_2d741d04 on public.chat_callsession',
        '       - missing: index chat_callsession_provider_call_id_2d741d04_like on public.chat_callsession',
      ].join('\n'),
    );
    expect(summary(text(r))).toBe('Summary: 5 verified, 1 not checkable, 3 faked; schema differs from the source in 6 places; out of sync');
    expect(r.inSync).toBe(false);
    const script = await repairAndConverge(db);
    // Everything is recorded already: no row is written, the ledger is left alone.
    expect(script).not.toMatch(/django_migrations/);
  });

  it('the incident: 0004 faked, then the tables hand-written as in the seed', async () => {
    const db = await fresh();
    const upTo4 = DJANGO_PLAN.slice(0, DJANGO_PLAN.indexOf('chat.0004_callsession') + 1);
    await replayDjango(db, upTo4.filter((k) => k !== 'chat.0004_callsession'));
    await recordDjango(db, upTo4);
    await db.exec(INCIDENT_SQL);
    const r = await status(db, DJANGO_TREE);
    expect(markLines(r)).toEqual([
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
    const details = r.migrations.find((m) => m.migration.key === 'chat.0004_callsession')?.details ?? [];
    // What the seed got wrong, and nothing else (the FK names and column order differ too, by design not drift).
    expect(details).toEqual([
      'public.chat_calllog.timestamp is timestamp without time zone, not timestamp with time zone',
      'public.chat_calllog.call_session_id is nullable, not NOT NULL',
      'public.chat_calllog.other_participant_id is nullable, not NOT NULL',
      'public.chat_calllog.participant_id is nullable, not NOT NULL',
      'foreign key public.chat_calllog (call_session_id) -> public.chat_callsession is NOT DEFERRABLE, not DEFERRABLE INITIALLY DEFERRED',
      'foreign key public.chat_calllog (other_participant_id) -> public.users_user is NOT DEFERRABLE, not DEFERRABLE INITIALLY DEFERRED',
      'foreign key public.chat_calllog (participant_id) -> public.users_user is NOT DEFERRABLE, not DEFERRABLE INITIALLY DEFERRED',
      'foreign key public.chat_calllog (room_id) -> public.chat_chatroom is NOT DEFERRABLE, not DEFERRABLE INITIALLY DEFERRED',
      'index chat_calllog_call_session_id_5f992829 on public.chat_calllog missing',
      'index chat_calllog_other_participant_id_16d3a0ba on public.chat_calllog missing',
      'index chat_calllog_participant_id_8f015b99 on public.chat_calllog missing',
      'index chat_calllog_room_id_60be36a7 on public.chat_calllog missing',
      'public.chat_callsession.start_time is timestamp without time zone, not timestamp with time zone',
      'public.chat_callsession.end_time is timestamp without time zone, not timestamp with time zone',
      'public.chat_callsession.created_at is timestamp without time zone, not timestamp with time zone',
      'public.chat_callsession.updated_at is timestamp without time zone, not timestamp with time zone',
      'public.chat_callsession.caller_id is nullable, not NOT NULL',
      'public.chat_callsession.receiver_id is nullable, not NOT NULL',
      'foreign key public.chat_callsession (caller_id) -> public.users_user is NOT DEFERRABLE, not DEFERRABLE INITIALLY DEFERRED',
      'foreign key public.chat_callsession (chat_room_id) -> public.chat_chatroom is NOT DEFERRABLE, not DEFERRABLE INITIALLY DEFERRED',
      'foreign key public.chat_callsession (parcel_id) -> public.parcels_parcel is NOT DEFERRABLE, not DEFERRABLE INITIALLY DEFERRED',
      'foreign key public.chat_callsession (receiver_id) -> public.users_user is NOT DEFERRABLE, not DEFERRABLE INITIALLY DEFERRED',
      'index chat_callsession_caller_id_cc216afb on public.chat_callsession missing',
      'index chat_callsession_chat_room_id_fde13cf2 on public.chat_callsession missing',
      'index chat_callsession_parcel_id_1b981f5a on public.chat_callsession missing',
      'index chat_callsession_receiver_id_7f769efe on public.chat_callsession missing',
    ]);
    expect(summary(text(r))).toBe('Summary: 5 verified, 1 not checkable, 1 applied differently, 2 pending; schema differs from the source in 33 places; out of sync');

    // The timestamp fixes need no rewrite under UTC (the default --assume-timezone): nothing is withheld, 0005 and 0006 are recorded.
    const cautious = await planRepair({ url: db.url, from: DJANGO_TREE, ledger: {} });
    const ledgerSteps = cautious.plan.statements.filter((s) => s.phase === 'ledger');
    expect(ledgerSteps.map((s) => s.description)).toEqual([
      'record chat.0005_callsession_provider_call_id as applied',
      'record chat.0006_callsession_guard as applied',
      'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    ]);
    expect(cautious.plan.statements.at(-1)?.phase).toBe('ledger');
    expect(cautious.plan.withheld).toEqual([]);

    const script = await repairAndConverge(db, ['rewrite']);
    expect(script).toContain(
      `INSERT INTO "public"."django_migrations" ("app", "name", "applied") SELECT 'chat', '0005_callsession_provider_call_id', pg_catalog.now() WHERE NOT EXISTS (SELECT 1 FROM "public"."django_migrations" WHERE "app" = 'chat' AND "name" = '0005_callsession_provider_call_id');`,
    );
  });

  it('ledger lost: every object present, the chat rows deleted (migrate chat zero --fake)', async () => {
    const db = await fresh();
    await replayDjango(db, DJANGO_PLAN);
    await recordDjango(db, DJANGO_PLAN);
    await db.exec(`DELETE FROM django_migrations WHERE app = 'chat'`);
    const r = await status(db, DJANGO_TREE);
    expect(markLines(r)).toEqual([
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
    expect(summary(text(r))).toBe('Summary: 3 verified, 6 present but unrecorded (1 inferred); schema matches the source; out of sync');

    const p = await planRepair({ url: db.url, from: DJANGO_TREE, ledger: {} });
    // No schema change; the rows in migration order, the data migration included (later ones of its app depend on it).
    expect(p.plan.statements.map((s) => s.description)).toEqual([
      'record chat.0001_initial as applied',
      'record chat.0002_message_message_type as applied',
      'record chat.0003_backfill_message_type as applied',
      'record chat.0004_callsession as applied',
      'record chat.0005_callsession_provider_call_id as applied',
      'record chat.0006_callsession_guard as applied',
      'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    ]);
    await repairAndConverge(db);
    const rows = await db.query<{ name: string }>(`SELECT name FROM django_migrations WHERE app = 'chat' ORDER BY id`);
    expect(rows.map((x) => x.name)).toEqual(['0001_initial', '0002_message_message_type', '0003_backfill_message_type', '0004_callsession', '0005_callsession_provider_call_id', '0006_callsession_guard']);
  });

  it('the final check stops the script when the ledger does not end up as planned', async () => {
    const db = await fresh();
    await replayDjango(db, DJANGO_PLAN);
    await recordDjango(db, DJANGO_PLAN);
    await db.exec(`DELETE FROM django_migrations WHERE app = 'chat' AND name = '0004_callsession'`);
    const p = await planRepair({ url: db.url, from: DJANGO_TREE, ledger: {} });
    const script = renderPlanSql(p.plan, p.header);
    // Sabotage: the insert is skipped (as if someone edited the script); the check must fail loudly.
    const broken = script.replace(/^INSERT INTO .*$/m, 'SELECT 1;');
    await expect(runScript(db.url, broken)).rejects.toThrow(/ledger verification failed: chat\.0004_callsession is not recorded/);
    await runScript(db.url, script);
    expect((await status(db, DJANGO_TREE)).inSync).toBe(true);
  });
  it('rows of other apps are left alone; rows of the source\'s apps it does not know are listed, and pruned only when asked', async () => {
    const db = await fresh();
    await replayDjango(db, DJANGO_PLAN);
    await recordDjango(db, [...DJANGO_PLAN, 'contenttypes.0001_initial', 'auth.0001_initial', 'chat.0006_gone']);
    const r = await status(db, DJANGO_TREE);
    expect(markLines(r)).toEqual(ALL_VERIFIED);
    expect(text(r)).toContain(
      [
        'Recorded, but no such migration in the source (reconcile plan --ledger-prune removes them):',
        ' [!] chat.0006_gone',
        '',
        'Note: 2 rows of apps the source does not hold (auth, contenttypes): not checked',
        '',
        'Summary: 8 verified, 1 not checkable, 1 recorded but unknown to the source; schema matches the source; out of sync',
      ].join('\n'),
    );
    const kept = await repair(db, DJANGO_TREE);
    expect(kept.plan.statements).toEqual([]);
    expect(kept.plan.notes.map((n) => n.message)).toContain('1 ledger row names no migration of the source (chat.0006_gone): kept; --ledger-prune removes them');
    const pruned = await repair(db, DJANGO_TREE, { prune: true });
    expect(pruned.plan.statements.map((s) => s.description)).toEqual([
      expect.stringMatching(/^remove the ledger row chat\.0006_gone \(id \d+\): no such migration in the source$/),
      'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    ]);
    const rows = await db.query<{ app: string; name: string }>('SELECT app, name FROM django_migrations ORDER BY id');
    expect(rows.map((x) => `${x.app}.${x.name}`)).toEqual([...DJANGO_PLAN, 'contenttypes.0001_initial', 'auth.0001_initial']);
    expect((await status(db, DJANGO_TREE)).inSync).toBe(true);
  });
});
