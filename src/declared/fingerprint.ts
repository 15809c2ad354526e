/**
 * What a source's cache key is made of: the sha256 of every file that can change
 * the declared model, read without parsing anything (fast, for the cached path).
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sha256 } from './sources/files.js';
import type { DeclaredSource, Script } from './types.js';
import type { ExtensionUse } from './shadow.js';

async function hashFile(file: string): Promise<string> {
  return sha256(await fs.readFile(file));
}

async function entries(dir: string): Promise<{ name: string; isDir: boolean }[]> {
  try {
    return (await fs.readdir(dir, { withFileTypes: true })).map((e) => ({ name: e.name, isDir: e.isDirectory() })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return [];
  }
}

/** `relative/path:sha256` for the files a folder source reads. */
async function folderContents(dir: string, kind: 'django-tree' | 'drizzle-folder'): Promise<string[]> {
  const out: string[] = [];
  const add = async (rel: string): Promise<void> => void out.push(`${rel}:${await hashFile(path.join(dir, rel))}`);
  for (const e of await entries(dir)) {
    if (!e.isDir && (e.name.endsWith('.sql') || e.name === 'plan.txt')) await add(e.name);
    if (e.isDir && kind === 'django-tree' && !e.name.startsWith('.')) {
      for (const f of await entries(path.join(dir, e.name))) if (!f.isDir && f.name.endsWith('.sql')) await add(path.join(e.name, f.name));
    }
  }
  if (kind === 'drizzle-folder') await add(path.join('meta', '_journal.json')).catch(() => undefined);
  return out;
}

/** A Prisma folder: the lock file and every subfolder's migration.sql (a missing one is part of the key). */
async function prismaContents(dir: string): Promise<string[]> {
  const hashOrMissing = (rel: string): Promise<string> => hashFile(path.join(dir, rel)).then((h) => `${rel}:${h}`, () => `${rel}:missing`);
  const out = [await hashOrMissing('migration_lock.toml')];
  for (const e of await entries(dir)) if (e.isDir) out.push(await hashOrMissing(path.join(e.name, 'migration.sql')));
  return out;
}

function drizzleKitVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (require('drizzle-kit/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export interface Fingerprint {
  readonly contents: string[];
  readonly extra: string[];
}

export async function fingerprint(source: DeclaredSource): Promise<Fingerprint> {
  const where = `at:${path.resolve(source.location)}`;
  switch (source.kind) {
    case 'sql-file':
      return { contents: [await hashFile(source.location)], extra: [where] };
    case 'drizzle-schema':
      // Files the module imports are checked against the entry's recorded inputs.
      return { contents: [await hashFile(source.location)], extra: [where, `drizzle-kit@${drizzleKitVersion()}`] };
    case 'django-tree':
    case 'drizzle-folder':
      return { contents: await folderContents(source.location, source.kind), extra: [where] };
    case 'prisma-folder':
      return { contents: await prismaContents(source.location), extra: [where] };
    case 'flyway-folder':
    case 'golang-migrate-folder':
    case 'dbmate-folder':
    case 'goose-folder': {
      // The files the tool reads, in its order (a renamed or added file changes the key).
      const rels = await (await import('./sources/sql-tools.js')).sqlToolFiles(source.kind, source.location).catch(() => []);
      return { contents: await Promise.all(rels.map(async (r) => `${r}:${await hashFile(path.join(source.location, r))}`)), extra: [where] };
    }
    case 'django-project': {
      // Third-party apps' migrations are the entry's recorded inputs (see django/replay-project.ts).
      const { projectContents } = await import('./django/project.js');
      const print = await projectContents(source.location);
      return { contents: print.contents, extra: [where, ...print.extra] };
    }
    case 'database':
      return { contents: [], extra: [where] };
  }
}

const CREATE_EXTENSION = /^\s*CREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|[A-Za-z_][\w$-]*)/i;

/** The extensions a source creates, with where, so PGlite can load them before it starts. */
export function extensionUses(scripts: readonly Script[]): ExtensionUse[] {
  const out: ExtensionUse[] = [];
  for (const script of scripts) {
    for (const st of script.statements) {
      if (!st.skeleton.startsWith('CREATE EXTENSION')) continue;
      const raw = CREATE_EXTENSION.exec(st.sql)?.[1];
      if (!raw) continue;
      const name = raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw.toLowerCase();
      out.push({ name, file: script.file, line: st.line });
    }
  }
  return out;
}
