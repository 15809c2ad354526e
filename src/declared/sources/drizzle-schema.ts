/**
 * A Drizzle ORM schema module (`.ts` or `.js`): loaded with tsx, turned into DDL
 * by drizzle-kit (`generateDrizzleJson` + `generateMigration` from an empty
 * snapshot), exactly what `drizzle-kit generate` would write as a first migration.
 * Every export drizzle-kit understands counts (pgTable, pgEnum, pgSchema,
 * pgSequence, views); relations are ignored, as drizzle-kit ignores them.
 */
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ReconcileError } from '../../errors.js';
import { splitStatements } from '../split.js';
import type { InputFile, Prepared } from '../types.js';
import { readSourceFile } from './files.js';
import { localImports } from './module-deps.js';

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** The one line of a tsx / esbuild failure that says where, with the path as the user gave it. */
function loadFailure(e: unknown, file: string, abs: string): ReconcileError {
  const text = e instanceof Error ? e.message : String(e);
  const located = text.split('\n').find((l) => /:\d+:\d+: ERROR: /.test(l));
  if (located) {
    // esbuild counts columns from 0; editors and PostgreSQL count from 1.
    const where = located
      .replace(abs, file)
      .replace(/:(\d+):(\d+): ERROR: /, (_m, line: string, col: string) => `:${line}:${Number(col) + 1}: `);
    return new ReconcileError('source', `cannot compile the Drizzle schema: ${where.trim()}`);
  }
  const first = text.split('\n').find((l) => l.trim() !== '') ?? 'unknown error';
  const missing = /Cannot find (?:module|package) '([^']+)'/.exec(text)?.[1];
  if (missing && /^drizzle-orm(\/|$)/.test(missing)) {
    return new ReconcileError('source', `cannot load the Drizzle schema ${file}: ${first}`, 'install drizzle-orm in the project the schema belongs to');
  }
  return new ReconcileError('source', `cannot load the Drizzle schema ${file}: ${first}`);
}

export async function prepareDrizzleSchema(file: string): Promise<Prepared> {
  const entry = await readSourceFile(file);
  const abs = path.resolve(file);
  const deps = new Set<string>(localImports(abs));
  // A schema compiled as CommonJS loads its files with require(), whose cache would
  // serve a file as it was at the first load in this process: forget local files.
  // tsx keys them `path?namespace=…`.
  const requireCache = createRequire(import.meta.url).cache;
  // Node keys modules by their real path: a schema under a symlinked folder (pnpm workspaces) is cached under both.
  const local = new Set([abs, ...deps].flatMap((f) => [f, realPath(f)]));
  for (const key of Object.keys(requireCache)) if (local.has(key.split('?')[0] ?? key)) delete requireCache[key];
  const { tsImport } = await import('tsx/esm/api');
  let mod: Record<string, unknown>;
  try {
    mod = (await tsImport(pathToFileURL(abs).href, {
      parentURL: import.meta.url,
      onImport: (url: string) => {
        // Installed packages (node_modules/<pkg>) are covered by versions, not hashed.
        if (url.startsWith('file:') && !/\/node_modules\/[^./]/.test(url)) deps.add(fileURLToPath(url.split('?')[0] ?? url));
      },
    })) as Record<string, unknown>;
  } catch (e) {
    throw loadFailure(e, file, abs);
  }
  const api = await import('drizzle-kit/api');
  const exports: Record<string, unknown> = { ...mod };
  let statements: string[];
  try {
    const current = api.generateDrizzleJson(exports);
    const counts = [current.tables, current.enums, current.schemas, current.sequences, current.views].map((o) => Object.keys(o ?? {}).length);
    if (counts.every((c) => c === 0)) {
      throw new ReconcileError('bad-input', `${file} exports no pgTable, pgEnum, pgSchema, pgSequence or view`, 'export the schema objects from the module');
    }
    statements = await api.generateMigration(api.generateDrizzleJson({}), current);
  } catch (e) {
    if (e instanceof ReconcileError) throw e;
    throw new ReconcileError('source', `drizzle-kit cannot turn ${file} into DDL: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  }
  const ddl = statements.map((s) => s.trim().replace(/;?$/, ';')).join('\n--> statement-breakpoint\n');
  const inputs: InputFile[] = [entry.input];
  for (const dep of [...deps].sort()) {
    if (dep === abs) continue;
    inputs.push((await readSourceFile(dep)).input);
  }
  return {
    scripts: [{ file, migration: null, statements: splitStatements(ddl).statements, generated: true }],
    order: 'fixed',
    inputs,
    notices: [],
  };
}
