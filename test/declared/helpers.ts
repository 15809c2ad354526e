/**
 * Shared by the declared-model tests: the chat app's paths, its Django SQL in
 * plan order (to build live databases from the same DDL), temporary copies.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHAT = path.join(ROOT, 'schemas', 'chat');
export const DJANGO_TREE = path.join(CHAT, 'django');
export const PG_DUMP = path.join(CHAT, 'pg_dump.sql');
export const DRIZZLE_SCHEMA = path.join(CHAT, 'drizzle', 'schema.ts');
export const DRIZZLE_FOLDER = path.join(CHAT, 'drizzle-migrations');

/** Where PGlite's initialized data directory is kept between test runs (tests that do not test the cache). */
export const SHARED_CACHE = path.join(ROOT, 'node_modules', '.cache', 'pg-reconcile-test');

/** Options for a load that neither reads nor writes the model cache. */
export const NO_CACHE = { cache: false, cacheDir: SHARED_CACHE } as const;

export function planOrder(tree = DJANGO_TREE): string[] {
  return readFileSync(path.join(tree, 'plan.txt'), 'utf8')
    .split('\n')
    .map((l) => /\]\s+(\w+\.[\w-]+)/.exec(l)?.[1])
    .filter((k): k is string => !!k);
}

/** The Django migrations' SQL, concatenated in plan order (each keeps its BEGIN/COMMIT). */
export function djangoSql(tree = DJANGO_TREE): string {
  return planOrder(tree)
    .map((key) => {
      const [app, name] = key.split('.') as [string, string];
      return readFileSync(path.join(tree, app, `${name}.sql`), 'utf8');
    })
    .join('\n');
}

/** Every drizzle-kit migration's SQL, in journal order. */
export function drizzleFolderSql(folder = DRIZZLE_FOLDER): string {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => readFileSync(path.join(folder, `${e.tag}.sql`), 'utf8').replaceAll('--> statement-breakpoint', '')).join(';\n');
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `reconcile-${prefix}-`));
}

/** A copy of a folder in a fresh temporary directory. */
export function copyTree(src: string, prefix = 'tree'): string {
  const dest = path.join(tempDir(prefix), path.basename(src));
  cpSync(src, dest, { recursive: true });
  return dest;
}

export function writeFile(dir: string, rel: string, text: string): string {
  const file = path.join(dir, rel);
  writeFileSync(file, text);
  return file;
}
