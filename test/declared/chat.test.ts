/**
 * Every kind of source on the incident's chat app: replayed in the PGlite shadow
 * (PostgreSQL 18 in WebAssembly), they must equal what the test server (18 or
 * 14) reads from a real database built from the same DDL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeclared, migrationEffects } from '../../src/declared/index.js';
import type { Schema } from '../../src/model/types.js';
import { describeObject } from '../../src/objects/index.js';
import { adminUrl, createDatabase, type TestDb } from '../helpers/db.js';
import { versionNeutral } from '../helpers/model.js';
import { DJANGO_TREE, DRIZZLE_FOLDER, DRIZZLE_SCHEMA, NO_CACHE, PG_DUMP, ROOT, djangoSql, drizzleFolderSql } from './helpers.js';

const table = (model: Schema, name: string) => {
  const t = model.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};

describe('the chat app from Django migrations, a pg_dump and a reference database', () => {
  let live: TestDb;
  let liveModel: Schema;
  beforeAll(async () => {
    live = await createDatabase('declared_chat');
    await live.exec(djangoSql());
    liveModel = await live.inspect();
  });
  afterAll(async () => live?.drop());

  it('the Django tree replayed in PGlite equals the live database built from the same SQL', async () => {
    const declared = await loadDeclared(DJANGO_TREE, NO_CACHE);
    expect(declared.source).toEqual({ kind: 'django-tree', location: DJANGO_TREE });
    expect(declared.schema).toEqual(liveModel);
    // What the incident's hand-written tables lacked, the declared model has.
    const calls = table(declared.schema, 'chat_callsession');
    expect(calls.columns.find((c) => c.name === 'start_time')?.type).toBe('timestamp with time zone');
    expect(calls.foreignKeys.find((f) => f.name === 'chat_callsession_caller_id_cc216afb_fk_users_user_id')).toMatchObject({
      deferrable: true,
      initiallyDeferred: true,
      columns: ['caller_id'],
      references: { schema: 'public', name: 'users_user' },
    });
    expect(calls.indexes.map((i) => i.name)).toContain('chat_callsession_caller_id_cc216afb');
    const like = table(declared.schema, 'users_user').indexes.find((i) => i.name === 'users_user_email_243f6e77_like');
    expect(like?.keys[0]).toMatchObject({ column: 'email', opclass: 'varchar_pattern_ops' });
  });

  it('the pg_dump file (pg_dump 15 of a PostgreSQL 14 database, with OWNER TO, GRANT, \\restrict) equals it too, its comment and grants aside', async () => {
    const text = readFileSync(PG_DUMP, 'utf8');
    expect(text).toMatch(/^\\restrict /m);
    expect(text).toMatch(/OWNER TO chat_owner;/);
    expect(text).toMatch(/set_config\('search_path', '', false\)/);
    const declared = await loadDeclared(PG_DUMP, NO_CACHE);
    expect(declared.source.kind).toBe('sql-file');
    // The dump's COMMENT ON TABLE and GRANTs are objects of the model; the live database (built from Django's SQL) has none.
    // PUBLIC on the schema public (the dump's GRANT ALL, PostgreSQL 14's default) is not compared.
    expect(declared.schema.notCompared).toEqual([]);
    const comments = declared.schema.objects.filter((o) => o.kind === 'comment');
    expect(comments.map((o) => o.kind === 'comment' && [o.on, o.name])).toEqual([['table', expect.any(String)]]);
    const grants = declared.schema.objects.filter((o) => o.kind === 'grant').map(describeObject);
    expect(grants).toHaveLength(6);
    expect(grants).toContain('grant SELECT on table public.chat_message to chat_reader');
    expect({ ...declared.schema, objects: declared.schema.objects.filter((o) => o.kind !== 'comment' && o.kind !== 'grant') }).toEqual(liveModel);
    expect(declared.notices.join('\n')).toMatch(/skipped 8 statements about ownership and roles/);
    expect(declared.notices.join('\n')).toMatch(/skipped 2 psql meta-commands \(\\restrict, \\unrestrict\)/);
  });

  it('a reference database URL is introspected directly, its password never shown', async () => {
    const declared = await loadDeclared(live.url, NO_CACHE);
    expect(declared.source.kind).toBe('database');
    const password = new URL(live.url).password;
    expect(password.length).toBeGreaterThan(0);
    expect(declared.source.location).not.toContain(password);
    expect(declared.schema).toEqual(liveModel);
    expect(declared.fromCache).toBe(false);
  });

  it('--shadow URL replays on a temporary database of a real server and drops it afterwards', async () => {
    const declared = await loadDeclared(DJANGO_TREE, { ...NO_CACHE, shadowUrl: adminUrl(), snapshots: true });
    expect(declared.schema).toEqual(liveModel);
    expect(declared.snapshots).toHaveLength(9);
    const notice = declared.notices.find((n) => n.startsWith('shadow: created temporary database'));
    expect(notice).toMatch(/"reconcile_shadow_[0-9a-f]{12}" on postgres:\/\/.*and dropped it after use/);
    expect(notice).not.toContain(new URL(adminUrl()).password);
    const admin = new pg.Client(adminUrl());
    await admin.connect();
    try {
      const left = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'reconcile_shadow_%'");
      expect(left.rows).toEqual([]);
    } finally {
      await admin.end();
    }
  });
});

describe('the chat app from Drizzle', () => {
  let live: TestDb;
  let liveModel: Schema;
  beforeAll(async () => {
    live = await createDatabase('declared_drizzle');
    await live.exec(drizzleFolderSql());
    liveModel = await live.inspect();
  });
  afterAll(async () => live?.drop());

  it('the drizzle-kit folder equals the live database built from its SQL, and records journal time and file hash', async () => {
    const declared = await loadDeclared(DRIZZLE_FOLDER, { ...NO_CACHE, snapshots: true });
    expect(declared.source.kind).toBe('drizzle-folder');
    expect(declared.schema).toEqual(liveModel);
    const effects = migrationEffects(declared).map((e) => [e.migration.key, e.changes.map((c) => c.kind)]);
    expect(effects).toEqual([
      ['0000_initial', ['missing-table', 'missing-table', 'missing-table', 'missing-table']],
      ['0001_callsession', ['missing-table', 'missing-table']],
      ['0002_provider_call_id', ['missing-column', 'missing-index', 'missing-index']],
    ]);
    const journal = JSON.parse(readFileSync(path.join(DRIZZLE_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
    expect(declared.migrations.map((m) => [m.key, m.when])).toEqual(journal.entries.map((e) => [e.tag, e.when]));
    const { createHash } = await import('node:crypto');
    const first = declared.migrations[0];
    expect(first?.hash).toBe(createHash('sha256').update(readFileSync(path.join(DRIZZLE_FOLDER, '0000_initial.sql'))).digest('hex'));
    expect(first).toMatchObject({ app: 'drizzle', name: '0000_initial', dataOnly: false });
  });

  it('the Drizzle schema module gives the same model as the folder drizzle-kit generated from it', async () => {
    const declared = await loadDeclared(DRIZZLE_SCHEMA, NO_CACHE);
    expect(declared.source.kind).toBe('drizzle-schema');
    expect(declared.migrations).toEqual([]);
    expect(declared.schema).toEqual(liveModel);
    const calls = table(declared.schema, 'chat_callsession');
    // Drizzle names FKs its own way and cannot make them DEFERRABLE; relations() add nothing.
    expect(calls.foreignKeys.map((f) => [f.name, f.deferrable, f.onDelete])).toContainEqual(['chat_callsession_caller_id_users_user_id_fk', false, 'cascade']);
    expect(calls.indexes.find((i) => i.name === 'chat_callsession_provider_call_id_2d741d04_like')?.keys[0]?.opclass).toBe('varchar_pattern_ops');
  });
});

describe('PGlite reads like a server', () => {
  it('the introspection fixture with every object kind gives the live model (views and extension versions aside on 14)', async () => {
    const fixture = path.join(ROOT, 'test', 'introspect', 'fixtures', 'full.sql');
    const db = await createDatabase('declared_full');
    try {
      await db.exec(readFileSync(fixture, 'utf8'));
      const liveModel = await db.inspect();
      const declared = await loadDeclared(fixture, NO_CACHE);
      expect(versionNeutral(declared.schema)).toEqual(versionNeutral(liveModel));
      // On 16+ the deparser prints view columns unqualified, as PGlite (18) does.
      const version = Number((await db.query<{ v: string }>('SHOW server_version_num'))[0]?.v);
      if (version >= 160000) expect(declared.schema.views).toEqual(liveModel.views);
    } finally {
      await db.drop();
    }
  });
});
