/**
 * A Prisma Migrate folder as a declared source. The fixtures test/fixtures/prisma/{blog,shop,cms}/migrations
 * are written the way `prisma migrate dev` writes them (migration_lock.toml, one
 * `<timestamp>_<name>/migration.sql` per migration, Prisma's SQL style) and ordered the way
 * Prisma lists it: prisma/prisma `packages/migrate/src/utils/listMigrations.ts` (localeCompare)
 * and, in older engines, prisma-engines `schema-engine/connectors/schema-connector/src/migrations_directory.rs`
 * (byte order). One folder name holds a space.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectSource, loadDeclared, migrationEffects } from '../../src/declared/index.js';
import { prismaOrder } from '../../src/declared/sources/prisma-folder.js';
import { ReconcileError } from '../../src/errors.js';
import type { Schema } from '../../src/model/types.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { versionNeutral } from '../helpers/model.js';
import { DJANGO_TREE, DRIZZLE_FOLDER, NO_CACHE, ROOT, copyTree, tempDir } from './helpers.js';

export const PRISMA_FOLDER = path.join(ROOT, 'test', 'fixtures', 'prisma', 'blog', 'migrations');
const NAMES = ['20240105093000_init', '20240112150000_add posts', '20240120084500_post_slug_and_profile'];
const script = (dir: string, name: string): Buffer => readFileSync(path.join(dir, name, 'migration.sql'));

async function failure(spec: string): Promise<ReconcileError> {
  const e = await loadDeclared(spec, NO_CACHE).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReconcileError);
  expect((e as ReconcileError).oneLine()).not.toContain('\n');
  return e as ReconcileError;
}

function detectFailure(spec: string): ReconcileError {
  try {
    detectSource(spec);
  } catch (e) {
    expect(e).toBeInstanceOf(ReconcileError);
    return e as ReconcileError;
  }
  throw new Error(`${spec} was detected`);
}

describe('a Prisma migrations folder', () => {
  let live: TestDb;
  let liveModel: Schema;
  beforeAll(async () => {
    // What `prisma migrate deploy` runs: each migration.sql as one script, in folder order.
    live = await createDatabase('declared_prisma');
    for (const n of NAMES) await live.exec(script(PRISMA_FOLDER, n).toString('utf8'));
    liveModel = await live.inspect();
  });
  afterAll(async () => live?.drop());

  it('is detected by its migration_lock.toml (not as a Django tree), and prisma: names it', () => {
    expect(detectSource(PRISMA_FOLDER)).toEqual({ kind: 'prisma-folder', location: PRISMA_FOLDER });
    expect(detectSource(`prisma:${PRISMA_FOLDER}`)).toEqual({ kind: 'prisma-folder', location: PRISMA_FOLDER });
    expect(detectSource(DJANGO_TREE).kind).toBe('django-tree');
    expect(detectSource(DRIZZLE_FOLDER).kind).toBe('drizzle-folder');
    expect(() => detectSource(`prisma:${path.join(PRISMA_FOLDER, NAMES[0] ?? '', 'migration.sql')}`)).toThrow(/is a file, but prisma-folder sources are folders/);
  });

  it('replays to the model of a database the migrations ran on; one migration per folder, keyed by its name, checksum = sha256 of migration.sql', async () => {
    const declared = await loadDeclared(PRISMA_FOLDER, { ...NO_CACHE, snapshots: true });
    expect(declared.source.kind).toBe('prisma-folder');
    expect(declared.schema).toEqual(liveModel);
    expect(declared.migrations.map((m) => [m.key, m.app, m.name, m.when, m.dataOnly])).toEqual(NAMES.map((n) => [n, 'prisma', n, null, false]));
    expect(declared.migrations.map((m) => m.hash)).toEqual(NAMES.map((n) => createHash('sha256').update(script(PRISMA_FOLDER, n)).digest('hex')));
    expect(declared.migrations[1]?.file).toBe(path.join(PRISMA_FOLDER, '20240112150000_add posts', 'migration.sql'));
    expect(declared.notices).toEqual([]);
    const effects = migrationEffects(declared).map((e) => [e.migration.key, e.changes.map((c) => c.kind).sort()]);
    expect(effects).toEqual([
      // SERIAL makes a sequence; Prisma's unique constraints are unique indexes.
      ['20240105093000_init', ['missing-enum', 'missing-sequence', 'missing-table']],
      ['20240112150000_add posts', ['missing-sequence', 'missing-table']],
      ['20240120084500_post_slug_and_profile', ['missing-column', 'missing-enum-value', 'missing-index', 'missing-sequence', 'missing-table']],
    ]);
    const post = declared.schema.tables.find((t) => t.name === 'Post');
    expect(post?.foreignKeys.map((f) => [f.name, f.onDelete, f.onUpdate])).toEqual([['Post_authorId_fkey', 'restrict', 'cascade']]);
    expect(post?.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['Post_authorId_idx', 'Post_slug_key']));
    expect(post?.indexes.find((i) => i.name === 'Post_slug_key')?.unique).toBe(true);
  });

  it('a multi-schema project: schema-qualified SQL and an enum value removed inside BEGIN/COMMIT replay like migrate deploy', async () => {
    const shop = path.join(ROOT, 'test', 'fixtures', 'prisma', 'shop', 'migrations');
    const names = ['20230301120000_init', '20230315090000_order_status', '20230402100000_drop_pending_status'];
    const db = await createDatabase('declared_prisma_shop');
    try {
      for (const n of names) await db.exec(script(shop, n).toString('utf8'));
      const declared = await loadDeclared(shop, { ...NO_CACHE, snapshots: true });
      expect(declared.schema).toEqual(await db.inspect());
      expect(declared.migrations.map((m) => m.key)).toEqual(names);
      expect(declared.schema.enums.map((e) => [e.name, e.labels])).toEqual([['OrderStatus', ['PAID', 'SHIPPED', 'CANCELLED']]]);
      expect(declared.schema.tables.map((t) => `${t.schema}.${t.name}`).sort()).toEqual(['billing.Invoice', 'public.Customer', 'public.Order']);
    } finally {
      await db.drop();
    }
  });

  it('an extension (citext), an implicit many-to-many table, a changed onDelete, a renamed index and a backfill replay like migrate deploy', async () => {
    const cms = path.join(ROOT, 'test', 'fixtures', 'prisma', 'cms', 'migrations');
    const names = ['20240301101500_init', '20240308120000_tags & categories', '20240315083000_rename_slug_index', '20240322170000_backfill_titles'];
    const db = await createDatabase('declared_prisma_cms');
    try {
      for (const n of names) await db.exec(script(cms, n).toString('utf8'));
      const declared = await loadDeclared(cms, { ...NO_CACHE, snapshots: true });
      // PGlite's citext is 18's; a 14 server has its own version of it.
      expect(versionNeutral(declared.schema)).toEqual(versionNeutral(await db.inspect()));
      expect(declared.migrations.map((m) => [m.key, m.dataOnly])).toEqual(names.map((n) => [n, false]));
      const article = declared.schema.tables.find((t) => t.name === 'Article');
      expect(article?.indexes.map((i) => i.name)).toContain('Article_slug_unique');
      expect(article?.foreignKeys.map((f) => [f.name, f.onDelete])).toEqual([['Article_authorId_fkey', 'cascade']]);
    } finally {
      await db.drop();
    }
  });

  it('orders as Prisma does: by name, not by file time; every directory is a migration', async () => {
    const dir = copyTree(PRISMA_FOLDER, 'prisma-order');
    // A folder named to sort first by name but written last.
    mkdirSync(path.join(dir, '20240101000000_baseline'));
    writeFileSync(path.join(dir, '20240101000000_baseline', 'migration.sql'), '-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "audit";\n');
    const declared = await loadDeclared(dir, NO_CACHE);
    expect(declared.migrations.map((m) => m.key)).toEqual(['20240101000000_baseline', ...NAMES]);
    // Same timestamp, names differing in case and punctuation: the CLI's localeCompare and the engine's bytes disagree.
    expect(prismaOrder(['20240101000000_addUser', '20240101000000_add_user'])).toEqual({
      ordered: ['20240101000000_add_user', '20240101000000_addUser'],
      byteOrderDiffers: true,
    });
    expect(prismaOrder(NAMES).byteOrderDiffers).toBe(false);
  });

  it('bad folders: no migration.sql, another provider, no migrations, and a folder of no known shape', async () => {
    const noScript = copyTree(PRISMA_FOLDER, 'prisma-noscript');
    mkdirSync(path.join(noScript, '20240201000000_empty'));
    const e1 = await failure(noScript);
    expect(e1.code).toBe('bad-input');
    expect(e1.message).toMatch(/20240201000000_empty has no readable migration\.sql: .*migration\.sql does not exist$/);

    const mysql = copyTree(PRISMA_FOLDER, 'prisma-mysql');
    writeFileSync(path.join(mysql, 'migration_lock.toml'), '# Please do not edit this file manually\nprovider = "mysql"\n');
    expect((await failure(mysql)).oneLine()).toBe(`${path.join(mysql, 'migration_lock.toml')} is for provider "mysql", not "postgresql" (reconcile reads PostgreSQL migrations only)`);

    const empty = tempDir('prisma-empty');
    writeFileSync(path.join(empty, 'migration_lock.toml'), 'provider = "postgresql"\n');
    expect((await failure(empty)).message).toBe(`${empty} holds no <timestamp>_<name>/migration.sql folders`);

    // Without the lock file the shape is not exact: an error naming the shapes and prefixes, never a guess.
    const noLock = copyTree(PRISMA_FOLDER, 'prisma-nolock');
    rmSync(path.join(noLock, 'migration_lock.toml'));
    const e2 = detectFailure(noLock);
    expect(e2.oneLine()).toMatch(/^cannot tell what kind of source the folder .* is: its subfolders hold migration\.sql like a Prisma folder, but it has no migration_lock\.toml \(expected a drizzle-kit folder .*; a Prisma migrations folder .*; a Django sqlmigrate tree .*; or name it with a prefix: drizzle-kit:DIR, prisma:DIR, django:DIR, flyway:DIR, golang-migrate:DIR, dbmate:DIR, goose:DIR\)$/);
    // prisma: takes it anyway, as Prisma does (it checks the provider only when the lock file exists).
    const named = await loadDeclared(`prisma:${noLock}`, NO_CACHE);
    expect(named.migrations.map((m) => m.key)).toEqual(NAMES);
    expect(named.notices).toContain(`${path.join(noLock, 'migration_lock.toml')} not found: the provider is not checked`);

    const loose = tempDir('loose');
    writeFileSync(path.join(loose, 'V1__init.sql'), 'CREATE TABLE t (id int);\n');
    // V<version>__<description>.sql at the top is Flyway's shape now (test/declared/sql-tools.test.ts).
    expect(detectSource(loose).kind).toBe('flyway-folder');

    // Flyway-style names in a subfolder are not a Django tree.
    const flyway = tempDir('flyway');
    mkdirSync(path.join(flyway, 'sql'));
    writeFileSync(path.join(flyway, 'sql', 'V1__init.sql'), 'CREATE TABLE t (id int);\n');
    expect(detectFailure(flyway).message).toBe(
      `cannot tell what kind of source the folder ${flyway} is: its subfolders hold .sql files not named like Django migrations (NNNN_name.sql), e.g. V1__init.sql, and it has no plan.txt`,
    );

    const both = copyTree(PRISMA_FOLDER, 'prisma-both');
    writeFileSync(path.join(both, 'plan.txt'), '[X] chat.0001_initial\n');
    expect(detectFailure(both).oneLine()).toMatch(/has the shape of several sources \(prisma-folder, django-tree\) \(name the one meant with a prefix: /);
  });

  it('is cached by the content of its files: an edited migration.sql or a renamed folder is read again', async () => {
    const dir = copyTree(PRISMA_FOLDER, 'prisma-cache');
    const cacheDir = tempDir('prisma-cache-dir');
    const first = await loadDeclared(dir, { cacheDir });
    expect(first.fromCache).toBe(false);
    expect((await loadDeclared(dir, { cacheDir })).fromCache).toBe(true);
    const file = path.join(dir, '20240112150000_add posts', 'migration.sql');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"content" TEXT,', '"content" VARCHAR(500),'));
    const edited = await loadDeclared(dir, { cacheDir });
    expect(edited.fromCache).toBe(false);
    expect(edited.schema.tables.find((t) => t.name === 'Post')?.columns.find((c) => c.name === 'content')?.type).toBe('character varying(500)');
    renameSync(path.join(dir, '20240112150000_add posts'), path.join(dir, '20240112150000_add_posts'));
    const renamed = await loadDeclared(dir, { cacheDir });
    expect(renamed.fromCache).toBe(false);
    expect(renamed.migrations.map((m) => m.key)[1]).toBe('20240112150000_add_posts');
  });
});
