/**
 * The prisma ledger on a Prisma Migrate folder (test/fixtures/prisma/blog/migrations), with
 * every state built the way Prisma's engine builds it (prisma-engine.ts, which names the
 * prisma-engines file each step follows): `_prisma_migrations` as
 * `sql-schema-connector/src/flavour/postgres.rs` creates it, rows as
 * `sql-schema-connector/src/sql_migration_persistence.rs` writes them, applied / failed /
 * rolled back as `core/src/commands/apply_migrations.rs` and `diagnose_migration_history.rs`
 * judge them, checksums as `schema-connector/src/checksum.rs` computes them. After every
 * repair, the engine's `migrate deploy` has nothing left to do and refuses nothing.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planRepair } from '../../src/api/plan.js';
import { createDatabase, type TestDb } from '../helpers/db.js';
import { ROOT } from '../declared/helpers.js';
import { cli, markLines, repair, status, text } from './helpers.js';
import {
  PRISMA_LEDGER_DDL,
  ledgerRows,
  migrateDeploy,
  migrationScript,
  prismaChecksum,
  resolveApplied,
  resolveRolledBack,
} from './prisma-engine.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'prisma', 'blog', 'migrations');
const [INIT, POSTS, SLUG] = ['20240105093000_init', '20240112150000_add posts', '20240120084500_post_slug_and_profile'] as const;
const checksum = (name: string): string => prismaChecksum(migrationScript(DIR, name));

const dbs: TestDb[] = [];
afterAll(async () => {
  await Promise.all(dbs.map((d) => d.drop()));
});

async function fresh(): Promise<TestDb> {
  const db = await createDatabase('ledger_prisma');
  dbs.push(db);
  return db;
}

const ALL_VERIFIED = [
  ' [X] 20240105093000_init                   verified: 1 enum change, 1 sequence, 1 table',
  ' [X] 20240112150000_add posts              verified: 1 sequence, 1 table',
  ' [X] 20240120084500_post_slug_and_profile  verified: 1 enum change, 1 sequence, 1 column, 1 index, 1 table',
];
const summary = (t: string): string => t.trimEnd().split('\n').at(-1) ?? '';
const ledgerSql = (plan: { statements: readonly { phase: string; sql: string }[] }): string[] => plan.statements.filter((s) => s.phase === 'ledger').map((s) => s.sql);
const noDjango = async (db: TestDb): Promise<void> => {
  expect(await db.query("SELECT to_regclass('public.django_migrations') AS t, to_regclass('drizzle.__drizzle_migrations') AS d")).toEqual([{ t: null, d: null }]);
};
/** The engine's `migrate deploy` afterwards: nothing to apply, no failed migration, every checksum its file's. */
async function prismaAccepts(db: TestDb): Promise<void> {
  expect(await migrateDeploy(db, DIR)).toEqual([]);
  const rows = await ledgerRows(db);
  const applied = rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null);
  expect(applied.map((r) => [r.migration_name, r.checksum])).toEqual(expect.arrayContaining([INIT, POSTS, SLUG].map((n) => [n, checksum(n)])));
  expect(rows.filter((r) => r.finished_at === null && r.rolled_back_at === null)).toEqual([]);
}

describe('prisma ledger', () => {
  it('clean: what migrate deploy leaves is verified; the plan is empty and nothing of another tool is written', async () => {
    // Follows schema-engine/core/src/commands/apply_migrations.rs and schema-engine/connectors/sql-schema-connector/src/sql_migration_persistence.rs.
    const db = await fresh();
    expect(await migrateDeploy(db, DIR)).toEqual([INIT, POSTS, SLUG]);
    const r = await status(db, DIR);
    expect(r.ledger).toEqual({ kind: 'prisma', table: { schema: 'public', name: '_prisma_migrations' }, exists: true });
    expect(text(r).split('\n').slice(0, 2)).toEqual([`Source: ${DIR} (prisma-folder)`, 'Ledger: prisma (public._prisma_migrations)']);
    expect(markLines(r)).toEqual(ALL_VERIFIED);
    expect(summary(text(r))).toBe('Summary: 3 verified; schema matches the source; in sync');
    expect(r.migrations[0]?.rows[0]?.values).toMatchObject({ migration_name: INIT, checksum: checksum(INIT), applied_steps_count: '1', logs: null, rolled_back_at: null });
    const p = await planRepair({ url: db.url, from: DIR, ledger: {} });
    expect(p.plan.statements).toEqual([]);
    // DATABASE_URL as Prisma's docs write it, with ?schema=public.
    const prismaUrl = await cli('status', '--url', `${db.url}?schema=public`, '--from', DIR);
    expect(prismaUrl.code, prismaUrl.stderr).toBe(0);
    // apply, as a user types it: no django_migrations (the bug this adapter fixes), no row added.
    const before = await ledgerRows(db);
    const run = await cli('apply', '--url', db.url, '--from', DIR);
    expect(run.code, run.stderr).toBe(0);
    await noDjango(db);
    expect(await ledgerRows(db)).toEqual(before);
  });

  it('faked (migrate resolve --applied): [F], the repair creates the objects, the ledger unchanged', async () => {
    // Follows schema-engine/core/src/commands/mark_migration_applied.rs (mark_migration_applied_impl: logs '', 0 steps).
    const db = await fresh();
    await migrateDeploy(db, DIR, [INIT]);
    await resolveApplied(db, DIR, POSTS);
    await resolveApplied(db, DIR, SLUG);
    expect(await migrateDeploy(db, DIR)).toEqual([]); // Prisma believes all is done
    const r = await status(db, DIR);
    expect(markLines(r)).toEqual([
      ALL_VERIFIED[0],
      ' [F] 20240112150000_add posts              faked: recorded, but 1 sequence, 1 table missing',
      ' [F] 20240120084500_post_slug_and_profile  faked: recorded, but 1 enum change, 1 sequence, 1 column, 1 index, 1 table missing',
    ]);
    expect(summary(text(r))).toBe('Summary: 1 verified, 2 faked; schema differs from the source in 5 places; out of sync');
    const rows = await ledgerRows(db);
    const p = await planRepair({ url: db.url, from: DIR, ledger: {} });
    expect(ledgerSql(p.plan)).toEqual([]);
    // apply, as a user types it.
    const run = await cli('apply', '--url', db.url, '--from', DIR);
    expect(run.code, run.stderr).toBe(0);
    expect(markLines(await status(db, DIR))).toEqual(ALL_VERIFIED);
    expect(await ledgerRows(db)).toEqual(rows);
    await prismaAccepts(db);
    await noDjango(db);
  });

  it('ledger lost (rows deleted): [R], the fix inserts the rows deploy would have written', async () => {
    // The rows the fix writes are those of record_migration_started + record_successful_step + record_migration_finished.
    const db = await fresh();
    await migrateDeploy(db, DIR);
    await db.exec('DELETE FROM _prisma_migrations');
    const r = await status(db, DIR);
    expect(markLines(r)).toEqual([
      ' [R] 20240105093000_init                   present but not recorded: 1 enum change, 1 sequence, 1 table',
      ' [R] 20240112150000_add posts              present but not recorded: 1 sequence, 1 table',
      ' [R] 20240120084500_post_slug_and_profile  present but not recorded: 1 enum change, 1 sequence, 1 column, 1 index, 1 table',
    ]);
    const { plan, script } = await repair(db, DIR);
    expect(plan.statements.map((s) => s.description)).toEqual([
      `record ${INIT} as applied (checksum ${checksum(INIT).slice(0, 12)}…)`,
      `record ${POSTS} as applied (checksum ${checksum(POSTS).slice(0, 12)}…)`,
      `record ${SLUG} as applied (checksum ${checksum(SLUG).slice(0, 12)}…)`,
      'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    ]);
    expect(script).toContain(
      `INSERT INTO "public"."_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count") ` +
        `SELECT pg_catalog.gen_random_uuid()::text, '${checksum(POSTS)}', pg_catalog.now(), '${POSTS}', NULL, NULL, pg_catalog.now(), 1 ` +
        `WHERE NOT EXISTS (SELECT 1 FROM "public"."_prisma_migrations" WHERE "migration_name" = '${POSTS}' AND "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL);`,
    );
    const rows = await ledgerRows(db);
    expect(rows.map((x) => [x.migration_name, x.checksum, x.applied_steps_count, x.logs, x.rolled_back_at])).toEqual(
      [INIT, POSTS, SLUG].map((n) => [n, checksum(n), 1, null, null]),
    );
    for (const x of rows) {
      expect(x.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(x.finished_at).toEqual(x.started_at);
    }
    expect(markLines(await status(db, DIR))).toEqual(ALL_VERIFIED);
    await prismaAccepts(db);
    expect((await planRepair({ url: db.url, from: DIR, ledger: {} })).plan.statements).toEqual([]);
  });

  it('ledger table dropped: never created unless --ledger prisma is given; then exactly as the engine creates it', async () => {
    // The table: schema-engine/connectors/sql-schema-connector/src/flavour/postgres.rs (create_migrations_table); P3005: sql_migration_persistence.rs (initialize).
    const db = await fresh();
    await migrateDeploy(db, DIR);
    await db.exec('DROP TABLE _prisma_migrations');
    const r = await status(db, DIR);
    expect(text(r)).toContain('Ledger: prisma (public._prisma_migrations, absent)');
    expect(markLines(r).map((l) => l.slice(0, 4))).toEqual([' [R]', ' [R]', ' [R]']);
    // Prisma itself refuses to deploy onto tables it has no ledger for (P3005).
    await expect(migrateDeploy(db, DIR)).rejects.toThrow(/^P3005/);

    const auto = await repair(db, DIR);
    expect(auto.plan.statements).toEqual([]);
    expect(auto.plan.notes.map((n) => n.message)).toContain(
      `the prisma ledger public._prisma_migrations does not exist: 3 migrations left unrecorded (${INIT}, ${POSTS}, ${SLUG}); --ledger prisma creates it as the tool does and records them`,
    );
    expect(await db.query("SELECT to_regclass('public._prisma_migrations') AS t")).toEqual([{ t: null }]);
    await noDjango(db);
    const cliRun = await cli('apply', '--url', db.url, '--from', DIR);
    expect(cliRun.code, cliRun.stderr).toBe(0);
    expect(await db.query("SELECT to_regclass('public._prisma_migrations') AS t")).toEqual([{ t: null }]);
    await noDjango(db);

    const named = await planRepair({ url: db.url, from: DIR, ledger: { choice: 'prisma' } });
    const namedRun = await cli('apply', '--url', db.url, '--from', DIR, '--ledger', 'prisma');
    expect(namedRun.code, namedRun.stderr).toBe(0);
    expect(named.plan.statements.map((s) => s.sql.split('\n')[0])).toEqual([
      'CREATE TABLE IF NOT EXISTS "public"."_prisma_migrations" (',
      expect.stringMatching(/^INSERT INTO "public"\."_prisma_migrations" /),
      expect.stringMatching(/^INSERT /),
      expect.stringMatching(/^INSERT /),
      expect.stringMatching(/^DO /),
    ]);
    const reference = await fresh();
    await reference.exec(PRISMA_LEDGER_DDL);
    expect(await db.inspect(['public']).then((s) => s.tables.find((t) => t.name === '_prisma_migrations'))).toEqual(
      await reference.inspect(['public']).then((s) => s.tables.find((t) => t.name === '_prisma_migrations')),
    );
    expect(markLines(await status(db, DIR))).toEqual(ALL_VERIFIED);
    await prismaAccepts(db);
  });

  it('failed migration: reported with why deploy refuses; once its objects can be made, recorded as resolve --applied would', async () => {
    // Follows apply_migrations.rs (record_failed_step, detect_failed_migrations) and mark_migration_applied.rs (failed attempts rolled back).
    const db = await fresh();
    await migrateDeploy(db, DIR, [INIT, POSTS]);
    await db.exec(`INSERT INTO "User" (email, name) VALUES ('ada@example.com', 'Ada'); INSERT INTO "Post" (title, "authorId", "updatedAt") VALUES ('Hello', 1, now());`);
    // The NOT NULL column without a default fails on a table with rows: the classic failed Prisma migration.
    await expect(migrateDeploy(db, DIR)).rejects.toThrow(/^P3018: 20240120084500_post_slug_and_profile: column "slug" of relation "Post" contains null values/);
    await expect(migrateDeploy(db, DIR)).rejects.toThrow(/^P3009/);
    const failedRow = (await ledgerRows(db)).find((x) => x.migration_name === SLUG);
    expect(failedRow).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });

    const r = await status(db, DIR);
    const started = r.migrations[2]?.rows[0]?.values['started_at'];
    expect(markLines(r)[2]).toBe(
      ` [ ] 20240120084500_post_slug_and_profile  pending: 1 enum change, 1 sequence, 1 column, 1 index, 1 table; failed: started at ${started}, never finished (ERROR: column "slug" of relation "Post" contains null values); Prisma refuses to deploy until it is resolved (prisma migrate resolve)`,
    );
    expect(r.inSync).toBe(false);

    // While the rows are there, the NOT NULL column is added nullable: the migration stays unrecorded, its failed row kept.
    const held = await planRepair({ url: db.url, from: DIR, ledger: {} });
    expect(ledgerSql(held.plan)).toEqual([]);
    expect(held.plan.notes.map((n) => n.message)).toContain(
      `${SLUG} stays unrecorded: after this plan its effects are still partly missing (missing: column public."Post".slug); allow the withheld statements or fix it by hand, then plan again`,
    );

    await db.exec('DELETE FROM "Post"; DELETE FROM "User";');
    const { plan } = await planRepair({ url: db.url, from: DIR, ledger: {} });
    const run = await cli('apply', '--url', db.url, '--from', DIR);
    expect(run.code, run.stderr).toBe(0);
    expect(plan.statements.filter((s) => s.phase === 'ledger').map((s) => s.description)).toEqual([
      `mark the failed attempt of ${SLUG} (started at ${started}) rolled back, as prisma migrate resolve --applied does`,
      `record ${SLUG} as applied (checksum ${checksum(SLUG).slice(0, 12)}…)`,
      'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    ]);
    const after = await ledgerRows(db);
    expect(after.filter((x) => x.migration_name === SLUG).map((x) => [x.id === failedRow?.id, x.finished_at === null, x.rolled_back_at === null])).toEqual([
      [true, true, false],
      [false, false, true],
    ]);
    expect(markLines(await status(db, DIR))).toEqual(ALL_VERIFIED);
    await prismaAccepts(db);
  });

  it('rolled back (migrate resolve --rolled-back): not applied; deploy would run it again, and the repair records it once its objects are there', async () => {
    // Follows sql_migration_persistence.rs (mark_migration_rolled_back_by_id) and apply_migrations.rs (rolled-back rows are not applied).
    const db = await fresh();
    await migrateDeploy(db, DIR, [INIT, POSTS]);
    await db.exec(`INSERT INTO "User" (email) VALUES ('ada@example.com'); INSERT INTO "Post" (title, "authorId", "updatedAt") VALUES ('Hello', 1, now());`);
    await expect(migrateDeploy(db, DIR)).rejects.toThrow(/^P3018/);
    await resolveRolledBack(db, SLUG);
    // The team then ran the migration by hand after a backfill, and never told Prisma.
    await db.exec(migrationScript(DIR, SLUG).replace('"slug" TEXT NOT NULL', `"slug" TEXT NOT NULL DEFAULT 'hello'`).concat('\nALTER TABLE "Post" ALTER COLUMN "slug" DROP DEFAULT;'));
    const r = await status(db, DIR);
    expect(markLines(r)[2]).toBe(
      ' [R] 20240120084500_post_slug_and_profile  present but not recorded: 1 enum change, 1 sequence, 1 column, 1 index, 1 table; rolled back (prisma migrate resolve --rolled-back), so not applied: prisma migrate deploy runs it again',
    );
    const { plan } = await repair(db, DIR);
    expect(plan.statements.filter((s) => s.phase === 'ledger').map((s) => s.description)).toEqual([
      `record ${SLUG} as applied (checksum ${checksum(SLUG).slice(0, 12)}…)`,
      'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    ]);
    expect(markLines(await status(db, DIR))).toEqual(ALL_VERIFIED);
    await prismaAccepts(db);
    expect((await ledgerRows(db)).filter((x) => x.migration_name === SLUG).map((x) => x.rolled_back_at === null)).toEqual([false, true]);
  });

  it('an edited migration.sql: reported, the row kept; line endings and the old unpadded checksums are not edits', async () => {
    // Follows schema-engine/connectors/schema-connector/src/checksum.rs (script_matches_checksum) and diagnose_migration_history.rs (edited migrations).
    const db = await fresh();
    await migrateDeploy(db, DIR);
    await db.query('UPDATE _prisma_migrations SET checksum = $2 WHERE migration_name = $1', [INIT, 'e'.repeat(64)]);
    // Applied from a Windows checkout: the checksum of the CRLF file.
    await db.query('UPDATE _prisma_migrations SET checksum = $2 WHERE migration_name = $1', [POSTS, prismaChecksum(migrationScript(DIR, POSTS).replace(/\n/g, '\r\n'))]);
    // Written by an engine that dropped each byte's leading zero (prisma-engines issue 1887).
    const unpadded = [...createHash('sha256').update(migrationScript(DIR, SLUG)).digest()].map((b) => b.toString(16)).join('');
    await db.query('UPDATE _prisma_migrations SET checksum = $2 WHERE migration_name = $1', [SLUG, unpadded]);
    const r = await status(db, DIR);
    expect(markLines(r)).toEqual([
      `${ALL_VERIFIED[0]}; edited since it was applied: the ledger has checksum eeeeeeeeeeee…, the file ${checksum(INIT).slice(0, 12)}…`,
      ALL_VERIFIED[1],
      ALL_VERIFIED[2],
    ]);
    expect(summary(text(r))).toBe('Summary: 3 verified, 1 edited since recorded; schema matches the source; out of sync');
    const p = await planRepair({ url: db.url, from: DIR, ledger: {} });
    expect(p.plan.statements).toEqual([]);
    expect(p.plan.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/^20240105093000_init: edited since it was applied: .* \(the ledger row is kept\)$/));
  });

  it('unknown rows are listed and pruned only when asked; --ledger of another tool is refused for a Prisma folder', async () => {
    // diagnose_migration_history.rs: rows of migrations the folder lacks (db_migrations_not_in_fs).
    const db = await fresh();
    await migrateDeploy(db, DIR);
    await db.query("INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), '20231201000000_dropped', now(), 1)", [
      '00000000-0000-4000-8000-000000000001',
      'a'.repeat(64),
    ]);
    const r = await status(db, DIR);
    expect(markLines(r)).toEqual(ALL_VERIFIED);
    expect(text(r)).toMatch(/Recorded, but no such migration in the source \(reconcile plan --ledger-prune removes them\):\n \[!\] 20231201000000_dropped \(applied, started_at .*\)\n/);
    const pruned = await repair(db, DIR, { prune: true });
    expect(pruned.plan.statements[0]?.sql).toBe(
      `DELETE FROM "public"."_prisma_migrations" WHERE "id" = '00000000-0000-4000-8000-000000000001' AND "migration_name" = '20231201000000_dropped'`,
    );
    expect((await status(db, DIR)).inSync).toBe(true);

    const django = await cli('status', '--url', db.url, '--from', DIR, '--ledger', 'django');
    expect(django.code).toBe(1);
    expect(django.stderr).toBe(
      `reconcile: --ledger django is not the ledger of ${DIR} (prisma-folder): its migrations are recorded in the prisma ledger (use --ledger prisma, --ledger none, or leave --ledger out)\n`,
    );
    await noDjango(db);
  });

  it('a _prisma_migrations of another shape is an error, not a guess', async () => {
    // The columns of schema-engine/connectors/schema-connector/src/migration_persistence.rs (MigrationRecord).
    const db = await fresh();
    await db.exec('CREATE TABLE _prisma_migrations (id serial PRIMARY KEY, name text)');
    await expect(status(db, DIR)).rejects.toThrow(/public\._prisma_migrations is not Prisma's migration ledger: it has no column checksum, finished_at, migration_name/);
  });
});

describe('prisma ledger on a multi-schema project (schema-qualified SQL, an enum value removed inside BEGIN/COMMIT)', () => {
  // Written as Prisma 6 writes migrations with `schemas = ["public", "billing"]`.
  const SHOP = path.join(ROOT, 'test', 'fixtures', 'prisma', 'shop', 'migrations');
  const NAMES = ['20230301120000_init', '20230315090000_order_status', '20230402100000_drop_pending_status'] as const;

  it('clean is verified; faked migrations are [F]/[P], and apply repairs them (the type change once allowed) with the ledger unchanged', async () => {
    const clean = await fresh();
    expect(await migrateDeploy(clean, SHOP)).toEqual(NAMES);
    expect(markLines(await status(clean, SHOP))).toEqual([
      ' [X] 20230301120000_init                 verified: 1 schema or extension, 1 sequence, 3 tables (1 changed by later migrations)',
      ' [X] 20230315090000_order_status         verified: 1 enum change, 1 column, 1 index (2 changed by later migrations)',
      ' [X] 20230402100000_drop_pending_status  verified: 1 drop, 2 changes',
    ]);

    const db = await fresh();
    await migrateDeploy(db, SHOP, [NAMES[0]]);
    await resolveApplied(db, SHOP, NAMES[1]);
    await resolveApplied(db, SHOP, NAMES[2]);
    const r = await status(db, SHOP);
    expect(markLines(r)).toEqual([
      ' [X] 20230301120000_init                 verified: 1 schema or extension, 1 sequence, 3 tables',
      ' [F] 20230315090000_order_status         faked: recorded, but 1 enum change, 1 column, 1 index missing',
      ' [P] 20230402100000_drop_pending_status  partial: 1 of 3 effects missing, 1 different',
    ]);
    const rows = await ledgerRows(db);
    const before = await db.inspect();
    const refused = await cli('apply', '--url', db.url, '--from', SHOP);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/change type of billing\."Invoice"\.number from integer to bigint \(allow them by kind with --allow-hazards rewrite/);
    expect(await db.inspect()).toEqual(before);
    const run = await cli('apply', '--url', db.url, '--from', SHOP, '--allow-hazards', 'rewrite');
    expect(run.code, run.stderr).toBe(0);
    expect(markLines(await status(db, SHOP)).map((l) => l.slice(0, 4))).toEqual([' [X]', ' [X]', ' [X]']);
    expect(await ledgerRows(db)).toEqual(rows);
    expect(await migrateDeploy(db, SHOP)).toEqual([]);
    await noDjango(db);
  });
});

describe('prisma ledger on a project with an extension, an implicit many-to-many table, a renamed index and a backfill', () => {
  const CMS = path.join(ROOT, 'test', 'fixtures', 'prisma', 'cms', 'migrations');
  const NAMES = ['20240301101500_init', '20240308120000_tags & categories', '20240315083000_rename_slug_index', '20240322170000_backfill_titles'] as const;

  // Written as Prisma writes `extensions = [citext]`, an implicit m2m relation (`_ArticleToCategory`), an
  // onDelete change (DropForeignKey + AddForeignKey) and an @unique renamed with map (RenameIndex).
  it('ledger lost for one migration, another faked: one apply records the first, repairs the foreign key; --rename finishes the rename', async () => {
    const clean = await fresh();
    expect(await migrateDeploy(clean, CMS)).toEqual(NAMES);
    expect(markLines(await status(clean, CMS))).toEqual([
      ' [X] 20240301101500_init               verified: 1 schema or extension, 2 sequences, 2 tables (1 changed by later migrations)',
      ' [X] 20240308120000_tags & categories  verified: 1 sequence, 2 tables',
      ' [X] 20240315083000_rename_slug_index  verified: 2 changes',
      ' [X] 20240322170000_backfill_titles    verified: 1 change',
    ]);

    const db = await fresh();
    await migrateDeploy(db, CMS, [NAMES[0], NAMES[1]]);
    await resolveApplied(db, CMS, NAMES[2]);
    expect(await migrateDeploy(db, CMS)).toEqual([NAMES[3]]);
    await db.query('DELETE FROM _prisma_migrations WHERE migration_name = $1', [NAMES[1]]);
    const r = await status(db, CMS);
    expect(markLines(r)).toEqual([
      ' [X] 20240301101500_init               verified: 1 schema or extension, 2 sequences, 2 tables (1 changed by later migrations)',
      ' [R] 20240308120000_tags & categories  present but not recorded: 1 sequence, 2 tables',
      ' [F] 20240315083000_rename_slug_index  faked: recorded, but 2 changes missing',
      ' [X] 20240322170000_backfill_titles    verified: 1 change',
    ]);
    expect(r.migrations[2]?.details).toEqual([
      'missing: foreign key Article_authorId_fkey on public."Article" (actions)',
      'missing: rename of index Article_slug_key to Article_slug_unique on public."Article"',
    ]);
    const rows = await ledgerRows(db);
    const run = await cli('apply', '--url', db.url, '--from', CMS);
    expect(run.code, run.stderr).toBe(0);
    const after = await ledgerRows(db);
    expect(after.slice(0, rows.length)).toEqual(rows);
    expect(after.slice(rows.length).map((x) => [x.migration_name, x.checksum, x.applied_steps_count])).toEqual([[NAMES[1], prismaChecksum(migrationScript(CMS, NAMES[1])), 1]]);
    const fk = (await db.inspect(['public'])).tables.find((t) => t.name === 'Article')?.foreignKeys[0];
    expect([fk?.name, fk?.onDelete]).toEqual(['Article_authorId_fkey', 'cascade']);
    expect(markLines(await status(db, CMS))[2]).toBe(' [P] 20240315083000_rename_slug_index  partial: 1 of 2 effects missing');

    const renamed = await cli('apply', '--url', db.url, '--from', CMS, '--rename');
    expect(renamed.code, renamed.stderr).toBe(0);
    const final = await status(db, CMS);
    expect(markLines(final).map((l) => l.slice(0, 4))).toEqual([' [X]', ' [X]', ' [X]', ' [X]']);
    expect(final.inSync).toBe(true);
    expect(await migrateDeploy(db, CMS)).toEqual([]);
    await noDjango(db);
  });
});
