/**
 * `reconcile status` on the command line: text and JSON, exit codes, bad input,
 * and no password in any output.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { cli, DJANGO_PLAN, DJANGO_TREE, INCIDENT_SQL, recordDjango, replayDjango } from './helpers.js';

describe('reconcile status (command line)', () => {
  let clean: TestDb;
  let incident: TestDb;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'reconcile-status-cli-'));

  beforeAll(async () => {
    clean = await createDatabase('ledger_cli');
    incident = await createDatabase('ledger_cli');
    await replayDjango(clean, DJANGO_PLAN);
    await recordDjango(clean, DJANGO_PLAN);
    const upTo4 = DJANGO_PLAN.slice(0, DJANGO_PLAN.indexOf('chat.0004_callsession') + 1);
    await replayDjango(incident, upTo4.filter((k) => k !== 'chat.0004_callsession'));
    await recordDjango(incident, upTo4);
    await incident.exec(INCIDENT_SQL);
  });
  afterAll(async () => {
    await Promise.all([clean?.drop(), incident?.drop()]);
    rmSync(tmp, { recursive: true, force: true });
  });

  const password = (db: TestDb): string => decodeURIComponent(new URL(db.url).password);

  it('exits 0 and says in sync when every migration is verified', async () => {
    const r = await cli('status', '--url', clean.url, '--from', DJANGO_TREE);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Source: ${DJANGO_TREE} (django-tree)`);
    expect(lines[1]).toBe('Ledger: django (public.django_migrations)');
    expect(lines[2]).toMatch(/^Database: postgres:\/\/postgres@127\.0\.0\.1:\d+\/ledger_cli_\w+ \(PostgreSQL \d+\.\d+\)$/);
    expect(lines.slice(4, 18)).toEqual([
      'chat',
      ' [X] 0001_initial                       verified: 2 tables',
      ' [X] 0002_message_message_type          verified: 1 column',
      ' [?] 0003_backfill_message_type         recorded; data only (no schema change), not checkable',
      ' [X] 0004_callsession                   verified: 2 tables',
      ' [X] 0005_callsession_provider_call_id  verified: 1 column, 2 indexes',
      ' [X] 0006_callsession_guard             verified: 1 function, 1 trigger, 1 policy, 1 row-level security setting',
      'parcels',
      ' [X] 0001_initial                       verified: 1 table',
      'users',
      ' [X] 0001_initial                       verified: 1 table',
      ' [X] 0002_user_contact                  verified: 1 column',
      '',
      'Summary: 8 verified, 1 not checkable; schema matches the source; in sync',
    ]);
    expect(r.stdout).not.toContain(password(clean));
  });

  it('plan on a matching schema whose ledger records a migration the source lacks exits 2 and says why, not "In sync"', async () => {
    const db = await createDatabase('ledger_cli');
    try {
      await replayDjango(db, DJANGO_PLAN);
      await recordDjango(db, DJANGO_PLAN);
      await db.exec(`INSERT INTO django_migrations (app, name, applied) VALUES ('chat', '0099_ghost', now())`);
      const r = await cli('plan', '--url', db.url, '--from', DJANGO_TREE, '--format', 'text');
      expect(r.code).toBe(2);
      expect(r.stdout).not.toContain('In sync: the live database matches the declared model.');
      expect(r.stdout).toContain('Schema in sync, ledger not: the live schema matches the declared model, but its ledger disagrees with the source (1 problem(s)):');
      expect(r.stdout).toMatch(/\n {2}- .*0099_ghost/);
      const v = await cli('verify', '--url', db.url, '--from', DJANGO_TREE);
      expect(v.code).toBe(2);
    } finally {
      await db.drop();
    }
  });

  it('plan recording a missing ledger row shows no table diff of the ledger table (the model never holds it)', async () => {
    const db = await createDatabase('ledger_cli');
    try {
      await replayDjango(db, DJANGO_PLAN);
      await recordDjango(db, DJANGO_PLAN.filter((k) => k !== 'chat.0003_backfill_message_type'));
      const r = await cli('plan', '--url', db.url, '--from', DJANGO_TREE, '--format', 'text');
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('[ledger] record chat.0003_backfill_message_type as applied');
      expect(r.stdout).not.toContain('live public.django_migrations');
    } finally {
      await db.drop();
    }
  });

  it('exits 2 on the incident, with the reasons under the migration', async () => {
    const r = await cli('status', '--url', incident.url, '--from', DJANGO_TREE, '--ledger', 'django');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      ' [~] 0004_callsession                   applied differently: 2 tables not as the migration made them\n' +
        '       - public.chat_calllog.timestamp is timestamp without time zone, not timestamp with time zone\n',
    );
    expect(r.stdout).toContain(' [ ] 0005_callsession_provider_call_id  pending: 1 column, 2 indexes\n');
    expect(r.stdout).not.toContain(password(incident));
  });

  it('prints the same content as JSON', async () => {
    const r = await cli('status', '--url', incident.url, '--from', DJANGO_TREE, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain(password(incident));
    const doc = JSON.parse(r.stdout) as {
      format: string;
      ledger: unknown;
      migrations: { key: string; mark: string; status: string; recorded: boolean; effects: string; reason: string; details: string[]; rows: unknown[]; effectsChecked: { effect: string; state: string }[] }[];
      inSync: boolean;
      summary: string;
      schemaDifferences: number;
    };
    expect(doc.format).toBe('pg-reconcile.status/1');
    expect(doc.ledger).toEqual({ kind: 'django', table: { schema: 'public', name: 'django_migrations' }, exists: true });
    expect(doc.migrations.map((m) => [m.key, m.mark, m.status, m.recorded, m.effects])).toEqual([
      ['users.0001_initial', 'X', 'verified', true, 'present'],
      ['users.0002_user_contact', 'X', 'verified', true, 'present'],
      ['parcels.0001_initial', 'X', 'verified', true, 'present'],
      ['chat.0001_initial', 'X', 'verified', true, 'present'],
      ['chat.0002_message_message_type', 'X', 'verified', true, 'present'],
      ['chat.0003_backfill_message_type', '?', 'unverifiable', true, 'none'],
      ['chat.0004_callsession', '~', 'different', true, 'different'],
      ['chat.0005_callsession_provider_call_id', ' ', 'pending', false, 'absent'],
      ['chat.0006_callsession_guard', ' ', 'pending', false, 'absent'],
    ]);
    const m4 = doc.migrations[6];
    expect(m4?.details.length).toBe(26);
    expect(m4?.effectsChecked.map((e) => [e.effect, e.state])).toEqual([
      ['table public.chat_calllog', 'different'],
      ['table public.chat_callsession', 'different'],
    ]);
    expect(m4?.rows).toEqual([{ id: expect.any(String), app: 'chat', name: '0004_callsession', applied: expect.any(String) }]);
    expect(doc.inSync).toBe(false);
    expect(doc.schemaDifferences).toBe(33);
    expect(doc.summary).toBe('Summary: 5 verified, 1 not checkable, 1 applied differently, 2 pending; schema differs from the source in 33 places; out of sync');
  });

  it('a source without migrations: schema comparison only', async () => {
    const file = path.join(tmp, 'declared.sql');
    // Extra tables and columns in the database are not drift; a missing column is.
    writeFileSync(file, 'CREATE TABLE users_user (id uuid PRIMARY KEY);\n');
    const same = await cli('status', '--url', clean.url, '--from', file);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('Summary: no migrations; schema matches the source; in sync\n');
    writeFileSync(file, 'CREATE TABLE users_user (id uuid PRIMARY KEY, nickname text);\n');
    const r = await cli('status', '--url', clean.url, '--from', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Summary: no migrations; schema differs from the source in 1 place; out of sync\n');
    expect(r.stdout).toContain(`Note: ${file} (sql-file) has no migrations: schema comparison only\n`);
    expect(r.stdout).toContain('Ledger: none\n');
    const asked = await cli('status', '--url', clean.url, '--from', file, '--ledger', 'django');
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain(`reconcile: --ledger django needs a source with migrations, and ${file} (sql-file) has none`);
  });

  it('rejects bad options with exit 1', async () => {
    const bad = await cli('status', '--url', clean.url, '--from', DJANGO_TREE, '--ledger', 'liquibase');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('reconcile: unknown --ledger "liquibase" (use django, drizzle, prisma, flyway, golang-migrate, dbmate, goose, none or auto)\n');
    const fmt = await cli('status', '--url', clean.url, '--from', DJANGO_TREE, '--format', 'xml');
    expect(fmt.code).toBe(1);
    expect(fmt.stderr).toContain('unknown --format "xml"');
    const none = await cli('status', '--url', clean.url);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no source given');
  });
});
