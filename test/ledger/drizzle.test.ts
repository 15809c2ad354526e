/**
 * The drizzle ledger on the chat app's real drizzle-kit folder, checked against
 * drizzle-orm's own migrator: what it would skip, and that after the repair it
 * has nothing left to apply.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { planRepair } from '../../src/api/plan.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import {
  DRIZZLE_FOLDER,
  DRIZZLE_LEDGER_DDL,
  drizzleHash,
  drizzleWhen,
  markLines,
  recordDrizzle,
  repair,
  replayDrizzle,
  status,
  text,
} from './helpers.js';

const TAGS = ['0000_initial', '0001_callsession', '0002_provider_call_id'] as const;

const dbs: TestDb[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
});

async function fresh(): Promise<TestDb> {
  const db = await createDatabase('ledger_dz');
  dbs.push(db);
  return db;
}

/** drizzle-orm's migrate() on the folder, as an application would run it at start-up. */
async function drizzleMigrate(db: TestDb): Promise<void> {
  const client = new pg.Client(db.url);
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: DRIZZLE_FOLDER });
  } finally {
    await client.end();
  }
}

const ledgerRows = (db: TestDb) =>
  db.query<{ id: number; hash: string; created_at: string }>('SELECT id, hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY id');

const ALL_VERIFIED = [
  ' [X] 0000_initial           verified: 4 tables',
  ' [X] 0001_callsession       verified: 2 tables',
  ' [X] 0002_provider_call_id  verified: 1 column, 2 indexes',
];
const summary = (t: string): string => t.trimEnd().split('\n').at(-1) ?? '';

describe('drizzle ledger', () => {
  it('clean: the state drizzle-orm migrate() leaves is verified', async () => {
    const db = await fresh();
    await drizzleMigrate(db);
    const r = await status(db, DRIZZLE_FOLDER);
    expect(r.ledger).toEqual({ kind: 'drizzle', table: { schema: 'drizzle', name: '__drizzle_migrations' }, exists: true, shape: 'drizzle-kit 0.x shape: rows matched by hash and created_at' });
    expect(text(r)).toContain('Ledger: drizzle (drizzle.__drizzle_migrations; drizzle-kit 0.x shape: rows matched by hash and created_at)\n');
    expect(markLines(r)).toEqual(ALL_VERIFIED);
    expect(summary(text(r))).toBe('Summary: 3 verified; schema matches the source; in sync');
    // Our notion of the rows is drizzle's: sha256 of the file, the journal's when.
    expect((await ledgerRows(db)).map((x) => [x.hash, x.created_at])).toEqual(TAGS.map((t) => [drizzleHash(t), String(drizzleWhen(t))]));
    const p = await planRepair({ url: db.url, from: DRIZZLE_FOLDER, ledger: {} });
    expect(p.plan.statements).toEqual([]);
  });

  it('a skipped older entry: drizzle never applies it; the repair creates it and records it', async () => {
    const db = await fresh();
    // 0002 was recorded (merged from another branch, faked); 0001, older, never ran.
    await replayDrizzle(db, ['0000_initial']);
    await recordDrizzle(db, ['0000_initial', '0002_provider_call_id']);
    await drizzleMigrate(db); // does nothing: 0001 is older than the newest recorded entry
    expect(await db.query(`SELECT to_regclass('public.chat_callsession') AS t`)).toEqual([{ t: null }]);

    const r = await status(db, DRIZZLE_FOLDER);
    expect(markLines(r)).toEqual([
      ' [X] 0000_initial           verified: 4 tables',
      ' [ ] 0001_callsession       pending: 2 tables; drizzle will never apply it: older than the newest recorded migration (0002_provider_call_id)',
      ' [F] 0002_provider_call_id  faked: recorded, but 1 column, 2 indexes missing',
    ]);
    expect(summary(text(r))).toBe('Summary: 1 verified, 1 faked, 1 pending; schema differs from the source in 2 places; out of sync');
    expect(r.migrations[1]?.notes).toEqual(['drizzle will never apply it: older than the newest recorded migration (0002_provider_call_id)']);

    const { plan, script } = await repair(db, DRIZZLE_FOLDER);
    expect(plan.statements.filter((s) => s.phase === 'ledger').map((s) => s.description)).toEqual([
      `record 0001_callsession as applied (hash ${drizzleHash('0001_callsession').slice(0, 12)}…, created_at ${drizzleWhen('0001_callsession')})`,
      'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    ]);
    expect(script).toContain(
      `INSERT INTO "drizzle"."__drizzle_migrations" ("hash", "created_at") SELECT '${drizzleHash('0001_callsession')}', ${drizzleWhen('0001_callsession')} WHERE NOT EXISTS (SELECT 1 FROM "drizzle"."__drizzle_migrations" WHERE "hash" = '${drizzleHash('0001_callsession')}' OR "created_at" = ${drizzleWhen('0001_callsession')});`,
    );
    const after = await status(db, DRIZZLE_FOLDER);
    expect(markLines(after)).toEqual(ALL_VERIFIED);
    expect(after.inSync).toBe(true);
    const rows = await ledgerRows(db);
    expect(rows.map((x) => x.created_at)).toEqual([drizzleWhen('0000_initial'), drizzleWhen('0002_provider_call_id'), drizzleWhen('0001_callsession')].map(String));
    await drizzleMigrate(db); // nothing left for drizzle to do, and no error
    expect(await ledgerRows(db)).toEqual(rows);
    const again = await planRepair({ url: db.url, from: DRIZZLE_FOLDER, ledger: {} });
    expect(again.plan.statements).toEqual([]);
  });

  it('no ledger table: created only with --ledger drizzle, then exactly as drizzle does, and drizzle migrate() is a no-op', async () => {
    const db = await fresh();
    await replayDrizzle(db, TAGS);
    const r = await status(db, DRIZZLE_FOLDER);
    expect(text(r)).toContain('Ledger: drizzle (drizzle.__drizzle_migrations, absent)');
    expect(markLines(r)).toEqual([
      ' [R] 0000_initial           present but not recorded: 4 tables',
      ' [R] 0001_callsession       present but not recorded: 2 tables',
      ' [R] 0002_provider_call_id  present but not recorded: 1 column, 2 indexes',
    ]);
    const auto = await repair(db, DRIZZLE_FOLDER);
    expect(auto.plan.statements).toEqual([]);
    expect(auto.plan.notes.map((n) => n.message)).toContain(
      'the drizzle ledger drizzle.__drizzle_migrations does not exist: 3 migrations left unrecorded (0000_initial, 0001_callsession, 0002_provider_call_id); --ledger drizzle creates it as the tool does and records them',
    );
    expect(await db.query(`SELECT to_regnamespace('drizzle') AS s`)).toEqual([{ s: null }]);
    const { plan } = await repair(db, DRIZZLE_FOLDER, { ledger: 'drizzle' });
    expect(plan.statements.map((s) => s.sql.split('\n')[0])).toEqual([
      'CREATE SCHEMA IF NOT EXISTS "drizzle"',
      'CREATE TABLE IF NOT EXISTS "drizzle"."__drizzle_migrations" (',
      expect.stringMatching(/^INSERT INTO "drizzle"\."__drizzle_migrations" .*'0*/),
      expect.stringMatching(/^INSERT /),
      expect.stringMatching(/^INSERT /),
      expect.stringMatching(/^DO /),
    ]);
    expect(markLines(await status(db, DRIZZLE_FOLDER))).toEqual(ALL_VERIFIED);

    const reference = await fresh();
    await reference.exec(DRIZZLE_LEDGER_DDL);
    expect(await db.inspect(['drizzle'])).toEqual(await reference.inspect(['drizzle']));
    const rows = await ledgerRows(db);
    await drizzleMigrate(db);
    expect(await ledgerRows(db)).toEqual(rows);
  });

  it('an edited migration: recorded hash differs from the file; reported, the row kept', async () => {
    const db = await fresh();
    await replayDrizzle(db, TAGS);
    await recordDrizzle(db, TAGS, (t) => (t === '0000_initial' ? 'f'.repeat(64) : drizzleHash(t)));
    const r = await status(db, DRIZZLE_FOLDER);
    expect(markLines(r)[0]).toBe(
      ` [X] 0000_initial           verified: 4 tables; edited since it was recorded: the ledger has hash ffffffffffff…, the file ${drizzleHash('0000_initial').slice(0, 12)}…`,
    );
    expect(r.unknownRows).toEqual([]);
    expect(summary(text(r))).toBe('Summary: 3 verified, 1 edited since recorded; schema matches the source; out of sync');
    const p = await planRepair({ url: db.url, from: DRIZZLE_FOLDER, ledger: {} });
    expect(p.plan.statements).toEqual([]);
    expect(p.plan.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/^0000_initial: edited since it was recorded: .* \(the ledger row is kept\)$/));
  });

  it('an unknown row is listed, kept by default, and removed only with prune', async () => {
    const db = await fresh();
    await drizzleMigrate(db);
    await db.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', ['a'.repeat(64), 1795621159000]);
    const r = await status(db, DRIZZLE_FOLDER);
    expect(markLines(r)).toEqual(ALL_VERIFIED);
    expect(text(r)).toContain(`Recorded, but no such migration in the source (reconcile plan --ledger-prune removes them):\n [!] id 4, hash aaaaaaaaaaaa…, created_at 1795621159000\n`);
    expect(r.inSync).toBe(false);

    const kept = await repair(db, DRIZZLE_FOLDER);
    expect(kept.plan.statements).toEqual([]);
    expect(kept.plan.notes.map((n) => n.message)).toContain(
      '1 ledger row names no migration of the source (id 4, hash aaaaaaaaaaaa…, created_at 1795621159000): kept; --ledger-prune removes them',
    );
    expect((await ledgerRows(db)).length).toBe(4);

    const pruned = await repair(db, DRIZZLE_FOLDER, { prune: true });
    expect(pruned.plan.statements.map((s) => s.description)).toEqual([
      'remove the ledger row id 4, hash aaaaaaaaaaaa…, created_at 1795621159000: no such migration in the source',
      'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    ]);
    expect((await ledgerRows(db)).length).toBe(3);
    expect((await status(db, DRIZZLE_FOLDER)).inSync).toBe(true);
  });
});
