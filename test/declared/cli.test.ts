/**
 * `reconcile inspect --from`: the declared model printed like the live one, the
 * migrations with what each adds, notices and errors on stderr.
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/program.js';
import { DJANGO_TREE, PG_DUMP, SHARED_CACHE, tempDir } from './helpers.js';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  try {
    const code = await main(['node', 'reconcile', ...args]);
    return { code, out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('reconcile inspect --from', () => {
  const env = process.env['XDG_CACHE_HOME'];
  afterEach(() => {
    if (env === undefined) delete process.env['XDG_CACHE_HOME'];
    else process.env['XDG_CACHE_HOME'] = env;
  });

  it('prints the declared model as the live one is printed, notices on stderr', async () => {
    process.env['XDG_CACHE_HOME'] = tempDir('cli-xdg');
    const r = await run('inspect', '--from', PG_DUMP, '--no-cache');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(`${PG_DUMP} (sql-file)`);
    expect(r.out).toMatch(/^1 schemas, 6 tables, 50 columns, 6 primary keys, 14 foreign keys, 2 unique constraints/m);
    expect(r.out).toContain('  public.chat_callsession: 12 columns, pk (id), 4 foreign keys, 6 indexes');
    expect(r.err).toContain('reconcile: note: skipped 8 statements about ownership and roles');
    expect(r.err).toContain('reconcile: note: created roles the source refers to in the shadow: chat_reader');
  });

  it('--migrations lists the migrations in order with what each adds; the second run comes from the cache', async () => {
    process.env['XDG_CACHE_HOME'] = tempDir('cli-xdg');
    const first = await run('inspect', '--from', DJANGO_TREE, '--migrations');
    expect(first.code).toBe(0);
    const lines = first.out.split('\n');
    expect(lines[0]).toBe(`${DJANGO_TREE} (django-tree)`);
    expect(lines[1]).toBe('9 migrations, in the order they were replayed:');
    const at = lines.findIndex((l) => l.includes('chat.0004_callsession'));
    expect(lines[at]).toBe(`  7. chat.0004_callsession  ${path.join(DJANGO_TREE, 'chat', '0004_callsession.sql')}`);
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '       + table public.chat_calllog (8 columns, 4 foreign keys, 4 indexes)',
      '       + table public.chat_callsession (11 columns, 4 foreign keys, 4 indexes)',
    ]);
    expect(first.out).toContain('  6. chat.0003_backfill_message_type  (data only)');
    expect(first.out).toContain('       + index chat_callsession_provider_call_id_2d741d04_like on public.chat_callsession');
    // The RunSQL migration: a function, its trigger, a policy and the RLS flag.
    expect(first.out).toContain(
      '       + function public.chat_touch_updated_at()\n       + trigger chat_callsession_touch on public.chat_callsession\n' +
        '       + policy chat_callsession_participants on public.chat_callsession\n       + row-level security enabled on public.chat_callsession',
    );
    const second = await run('inspect', '--from', DJANGO_TREE, '--migrations');
    expect(second.out.split('\n')[0]).toBe(`${DJANGO_TREE} (django-tree, from cache)`);
    expect(second.out.split('\n').slice(1)).toEqual(lines.slice(1));
  });

  it('--json prints the source, the migrations without their SQL, and the model', async () => {
    process.env['XDG_CACHE_HOME'] = SHARED_CACHE;
    const r = await run('inspect', '--from', `django:${DJANGO_TREE}`, '--json', '--no-cache');
    const json = JSON.parse(r.out) as { source: unknown; migrations: { key: string; sql?: string; hash: string }[]; model: { tables: unknown[] } };
    expect(json.source).toEqual({ kind: 'django-tree', location: DJANGO_TREE });
    expect(json.migrations).toHaveLength(9);
    expect(json.migrations[0]?.sql).toBeUndefined();
    expect(json.migrations[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(json.model.tables).toHaveLength(6);
  });

  it('bad input is one line on stderr and exit code 1', async () => {
    const r = await run('inspect', '--from', 'oracle:schema.sql');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('reconcile: unknown source prefix "oracle:" in oracle:schema.sql (use one of drizzle:, django:, drizzle-kit:, sql:, prisma:, flyway:, golang-migrate:, dbmate:, goose:, django-project: or a postgres:// URL)\n');
    const both = await run('inspect', '--from', PG_DUMP, '--url', 'postgres://localhost/x');
    expect(both.code).toBe(1);
    expect(both.err).toBe('reconcile: --url and --from are two different models: give one\n');
    const alone = await run('inspect', '--migrations', '--url', 'postgres://localhost/x');
    expect(alone.err).toBe('reconcile: --migrations needs --from SOURCE\n');
  });
});
