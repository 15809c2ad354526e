/**
 * Django trees: plan.txt order, the order found by retrying without it,
 * data-only migrations, per-migration snapshots, and trees no order can replay.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeclared, migrationEffects } from '../../src/declared/index.js';
import { ReconcileError } from '../../src/errors.js';
import { DJANGO_TREE, NO_CACHE, copyTree, planOrder } from './helpers.js';

const tableNames = (s: { tables: readonly { name: string }[] }) => s.tables.map((t) => t.name);

describe('a Django sqlmigrate tree', () => {
  it('replays in plan.txt order and snapshots the model after every migration', async () => {
    const declared = await loadDeclared(DJANGO_TREE, { ...NO_CACHE, snapshots: true });
    expect(declared.migrations.map((m) => m.key)).toEqual(planOrder());
    expect(declared.snapshots.map((s) => s.migration.key)).toEqual(planOrder());
    expect(declared.baseline && tableNames(declared.baseline)).toEqual([]);
    const after = Object.fromEntries(declared.snapshots.map((s) => [s.migration.key, s.after]));
    expect(tableNames(after['users.0001_initial']!)).toEqual(['users_user']);
    expect(after['users.0001_initial']!.tables[0]!.columns.map((c) => c.name)).not.toContain('contact');
    expect(after['users.0002_user_contact']!.tables[0]!.columns.map((c) => c.name)).toContain('contact');
    expect(tableNames(after['chat.0003_backfill_message_type']!)).toEqual(['chat_chatroom', 'chat_message', 'parcels_parcel', 'users_user']);
    expect(tableNames(after['chat.0004_callsession']!)).toEqual(['chat_calllog', 'chat_callsession', 'chat_chatroom', 'chat_message', 'parcels_parcel', 'users_user']);
    expect(after['chat.0006_callsession_guard']).toEqual(declared.schema);
    expect(after['chat.0005_callsession_provider_call_id']!.objects).toEqual([]);
    // Each migration's own effects come from consecutive snapshots.
    const effects = Object.fromEntries(migrationEffects(declared).map((e) => [e.migration.key, e.changes]));
    expect(effects['chat.0004_callsession']!.map((c) => c.kind === 'missing-table' && c.table.name)).toEqual(['chat_calllog', 'chat_callsession']);
    expect(effects['chat.0003_backfill_message_type']).toEqual([]);
    expect(effects['chat.0005_callsession_provider_call_id']!.map((c) => c.kind)).toEqual(['missing-column', 'missing-index', 'missing-index']);
    // The RunSQL migration's function, trigger, policy and RLS flag are its effects.
    expect(effects['chat.0006_callsession_guard']!.map((c) => (c.kind === 'missing-object' ? c.object.kind : c.kind))).toEqual(['function', 'trigger', 'policy', 'row-security']);
  });

  it('records each migration with its file, hash and data-only flag', async () => {
    const declared = await loadDeclared(DJANGO_TREE, NO_CACHE);
    expect(declared.snapshots).toEqual([]);
    const m3 = declared.migrations.find((m) => m.key === 'chat.0003_backfill_message_type');
    const file = path.join(DJANGO_TREE, 'chat', '0003_backfill_message_type.sql');
    expect(m3).toMatchObject({ app: 'chat', name: '0003_backfill_message_type', file, when: null, dataOnly: true });
    expect(m3?.sql).toContain('-- Raw Python operation');
    const { createHash } = await import('node:crypto');
    expect(m3?.hash).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(declared.migrations.filter((m) => m.dataOnly).map((m) => m.key)).toEqual(['chat.0003_backfill_message_type']);
  });

  it('without plan.txt, retries a migration that failed on a missing relation after the others', async () => {
    const tree = copyTree(DJANGO_TREE, 'noplan');
    rmSync(path.join(tree, 'plan.txt'));
    const declared = await loadDeclared(tree, NO_CACHE);
    // chat.0001 needs users_user and parcels_parcel; parcels.0001 needs users_user.
    expect(declared.migrations.map((m) => m.key)).toEqual([
      'users.0001_initial',
      'parcels.0001_initial',
      'chat.0001_initial',
      'chat.0002_message_message_type',
      'chat.0003_backfill_message_type',
      'chat.0004_callsession',
      'chat.0005_callsession_provider_call_id',
      'chat.0006_callsession_guard',
      'users.0002_user_contact',
    ]);
    const withPlan = await loadDeclared(DJANGO_TREE, NO_CACHE);
    expect(declared.schema).toEqual(withPlan.schema);
    expect(declared.notices.join('\n')).toMatch(/plan\.txt not found: ordered the migrations by replaying them/);
  });

  it('names the migration, file, line and reason when no order works', async () => {
    const tree = copyTree(DJANGO_TREE, 'noorder');
    rmSync(path.join(tree, 'plan.txt'));
    const file = path.join(tree, 'chat', '0004_callsession.sql');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('REFERENCES "parcels_parcel"', 'REFERENCES "parcels_box"'));
    const error = await loadDeclared(tree, NO_CACHE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReconcileError);
    expect((error as ReconcileError).code).toBe('source');
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('parcels_box')) + 1;
    expect((error as ReconcileError).message).toBe(
      `no order of the migrations replays: ${file}:${line} (migration chat.0004_callsession): relation "parcels_box" does not exist (replayed in ${(error as ReconcileError).message.match(/replayed in (.*)\)$/)?.[1]})`,
    );
    expect((error as ReconcileError).message).toMatch(/replayed in PGlite [\d.]+ \(PostgreSQL 1\d/);
  });

  it('with plan.txt, a failing migration is named with its line; a file plan.txt omits is refused', async () => {
    const tree = copyTree(DJANGO_TREE, 'badplan');
    const file = path.join(tree, 'chat', '0005_callsession_provider_call_id.sql');
    writeFileSync(file, readFileSync(file, 'utf8').replace('ALTER TABLE "chat_callsession" ADD COLUMN', 'ALTER TABLEE "chat_callsession" ADD COLUMN'));
    await expect(loadDeclared(tree, NO_CACHE)).rejects.toThrow(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5 \\(migration chat\\.0005_callsession_provider_call_id\\): syntax error at or near "TABLEE"`),
    );
    writeFileSync(path.join(tree, 'chat', '0006_extra.sql'), 'SELECT 1;\n');
    await expect(loadDeclared(tree, NO_CACHE)).rejects.toThrow(/plan\.txt does not list .*0006_extra\.sql/);
  });

  it('lists plan entries without a file as a notice (apps exported selectively)', async () => {
    const tree = copyTree(DJANGO_TREE, 'partial');
    writeFileSync(path.join(tree, 'plan.txt'), '[X]  contenttypes.0001_initial\n[X]  auth.0001_initial\n' + readFileSync(path.join(tree, 'plan.txt'), 'utf8'));
    const declared = await loadDeclared(tree, NO_CACHE);
    expect(declared.migrations).toHaveLength(9);
    expect(declared.notices).toContain(`${path.join(tree, 'plan.txt')} lists 2 migrations with no SQL file here (apps auth, contenttypes): not replayed`);
  });

  it('accepts hyphens in migration names, in plan.txt and in file names (Django loads 0003_order-status.py)', async () => {
    const tree = copyTree(DJANGO_TREE, 'hyphen');
    rmSync(path.join(tree, 'chat', '0005_callsession_provider_call_id.sql'));
    writeFileSync(path.join(tree, 'chat', '0005_provider-call-id.sql'), 'ALTER TABLE "chat_callsession" ADD COLUMN "provider_call_id" varchar(64) NULL;\n');
    const plan = readFileSync(path.join(tree, 'plan.txt'), 'utf8').replace('chat.0005_callsession_provider_call_id', 'chat.0005_provider-call-id');
    writeFileSync(path.join(tree, 'plan.txt'), plan);
    const declared = await loadDeclared(tree, { ...NO_CACHE, snapshots: true });
    expect(declared.migrations.map((m) => m.key)).toContain('chat.0005_provider-call-id');
    expect(declared.migrations.map((m) => m.key)).toEqual(planOrder(tree));
    const effects = migrationEffects(declared).find((e) => e.migration.key === 'chat.0005_provider-call-id');
    expect(effects?.changes.map((c) => c.kind)).toEqual(['missing-column']);
  });
});
