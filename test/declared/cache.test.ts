/**
 * The declared-model cache: keyed by the source's contents, the tool version and
 * the shadow kind; a second load does not replay; any change to an input does.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { defaultCacheDir } from '../../src/declared/cache.js';
import { loadDeclared } from '../../src/declared/index.js';
import { adminUrl } from '../helpers/db.js';
import { DJANGO_TREE, PG_DUMP, ROOT, SHARED_CACHE, copyTree, tempDir } from './helpers.js';

/** A fresh cache folder that already holds PGlite's initialized data directory (saves an initdb). */
function freshCache(): string {
  const dir = tempDir('cache');
  if (existsSync(SHARED_CACHE)) {
    for (const f of readdirSync(SHARED_CACHE)) if (f.endsWith('-empty-datadir.tar')) copyFileSync(path.join(SHARED_CACHE, f), path.join(dir, f));
  }
  return dir;
}

const modelFiles = (dir: string) => readdirSync(dir).filter((f) => /^[0-9a-f]{64}\.json$/.test(f));

describe('the declared-model cache', () => {
  it('a second load of the same source comes from the cache, equal, without replaying', async () => {
    const cacheDir = freshCache();
    const first = await loadDeclared(PG_DUMP, { cacheDir });
    expect(first.fromCache).toBe(false);
    expect(modelFiles(cacheDir)).toHaveLength(1);
    const second = await loadDeclared(PG_DUMP, { cacheDir });
    expect(second.fromCache).toBe(true);
    expect(second.schema).toEqual(first.schema);
    expect(second.notices).toEqual(first.notices);
    // The entry alone answers: replace the model in it and the loader returns what it says.
    const [entryFile] = modelFiles(cacheDir);
    const entry = JSON.parse(readFileSync(path.join(cacheDir, entryFile!), 'utf8')) as { model: { schema: { tables: unknown[] } } };
    entry.model.schema.tables = [];
    writeFileSync(path.join(cacheDir, entryFile!), JSON.stringify(entry));
    expect((await loadDeclared(PG_DUMP, { cacheDir })).schema.tables).toEqual([]);
    // cache: false replays and does not read the entry.
    const uncached = await loadDeclared(PG_DUMP, { cacheDir, cache: false });
    expect(uncached.fromCache).toBe(false);
    expect(uncached.schema).toEqual(first.schema);
  });

  it('a changed migration file, a different shadow kind or other schemas miss the cache', async () => {
    const cacheDir = freshCache();
    const tree = copyTree(DJANGO_TREE, 'cachetree');
    expect((await loadDeclared(tree, { cacheDir })).fromCache).toBe(false);
    expect((await loadDeclared(tree, { cacheDir })).fromCache).toBe(true);
    expect((await loadDeclared(tree, { cacheDir, schemas: ['public'] })).fromCache).toBe(false);
    expect((await loadDeclared(tree, { cacheDir, shadowUrl: adminUrl() })).fromCache).toBe(false);
    expect((await loadDeclared(tree, { cacheDir, shadowUrl: adminUrl() })).fromCache).toBe(true);
    const file = path.join(tree, 'chat', '0005_callsession_provider_call_id.sql');
    writeFileSync(file, readFileSync(file, 'utf8').replace('varchar(64)', 'varchar(80)'));
    const changed = await loadDeclared(tree, { cacheDir });
    expect(changed.fromCache).toBe(false);
    const col = changed.schema.tables.find((t) => t.name === 'chat_callsession')?.columns.find((c) => c.name === 'provider_call_id');
    expect(col?.type).toBe('character varying(80)');
  });

  it('snapshots are cached too; a cached model without them does not answer a request for them', async () => {
    const cacheDir = freshCache();
    const plain = await loadDeclared(DJANGO_TREE, { cacheDir });
    expect(plain.snapshots).toEqual([]);
    const withSnapshots = await loadDeclared(DJANGO_TREE, { cacheDir, snapshots: true });
    expect(withSnapshots.fromCache).toBe(false);
    expect(withSnapshots.snapshots).toHaveLength(9);
    const again = await loadDeclared(DJANGO_TREE, { cacheDir, snapshots: true });
    expect(again.fromCache).toBe(true);
    expect(again.snapshots).toEqual(withSnapshots.snapshots);
    expect(again.baseline).toEqual(withSnapshots.baseline);
    const noSnapshots = await loadDeclared(DJANGO_TREE, { cacheDir });
    expect(noSnapshots.fromCache).toBe(true);
    expect(noSnapshots.snapshots).toEqual([]);
  });

  it('a Drizzle module is invalidated when a file it imports changes', async () => {
    const cacheDir = freshCache();
    // Inside the repository, so that drizzle-orm resolves from its node_modules.
    const dir = path.join(ROOT, 'node_modules', '.cache', 'pg-reconcile-test', `drizzle-${process.pid}-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'columns.ts'), "import { varchar } from 'drizzle-orm/pg-core';\nexport const title = () => varchar('title', { length: 10 });\n");
    writeFileSync(
      path.join(dir, 'schema.ts'),
      "import { pgTable, serial } from 'drizzle-orm/pg-core';\nimport { title } from './columns';\nexport const posts = pgTable('posts', { id: serial('id').primaryKey(), title: title() });\n",
    );
    const spec = path.join(dir, 'schema.ts');
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const first = await loadDeclared(spec, { cacheDir });
    expect(first.schema.tables[0]?.columns.map((c) => c.type)).toEqual(['integer', 'character varying(10)']);
    expect((await loadDeclared(spec, { cacheDir })).fromCache).toBe(true);
    writeFileSync(path.join(dir, 'columns.ts'), "import { varchar } from 'drizzle-orm/pg-core';\nexport const title = () => varchar('title', { length: 20 });\n");
    const changed = await loadDeclared(spec, { cacheDir });
    expect(changed.fromCache).toBe(false);
    expect(changed.schema.tables[0]?.columns.map((c) => c.type)).toEqual(['integer', 'character varying(20)']);
  });

  it('lives in $XDG_CACHE_HOME/pg-reconcile, else in node_modules/.cache/pg-reconcile', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/pg-reconcile');
    expect(defaultCacheDir({})).toBe(path.join(ROOT, 'node_modules', '.cache', 'pg-reconcile'));
  });
});
