/**
 * A Drizzle ORM schema module (`.ts` or `.js`): loaded with tsx, turned into DDL
 * by drizzle-kit (`generateDrizzleJson` + `generateMigration` from an empty
 * snapshot), exactly what `drizzle-kit generate` would write as a first migration.
 * Every export drizzle-kit understands counts (pgTable, pgEnum, pgSchema,
 * pgSequence, views); relations are ignored, as drizzle-kit ignores them.
 */
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ReconcileError } from '../../errors.js';
import { splitStatements } from '../split.js';
import type { InputFile, Prepared } from '../types.js';
import { readSourceFile } from './files.js';
import { localImports } from './module-deps.js';

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

/**
 * The tsconfig.json nearest the schema file (its own folder, then each parent): the
 * one its package compiles with, so `paths` aliases (and `extends` chains) resolve as
 * in the project, whatever the working directory. Without one, false: tsx would
 * otherwise take the tsconfig of the working directory, which belongs to another project.
 */
export function nearestTsconfig(file: string): string | false {
  let dir = path.dirname(file);
  for (;;) {
    const candidate = path.join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

type ConsoleMethod = 'log' | 'info' | 'debug' | 'warn';
const CONSOLE_METHODS: readonly ConsoleMethod[] = ['log', 'info', 'debug', 'warn'];

/**
 * Run `task` with what a module prints at import time (console.log/info/debug/warn,
 * process.stdout.write) sent to stderr: stdout carries the command's own output
 * (`plan --format json` must stay parseable). Restored afterwards, also on error.
 */
export async function withStdoutOnStderr<T>(task: () => Promise<T>): Promise<T> {
  const saved = CONSOLE_METHODS.map((m) => [m, console[m]] as const);
  const write = process.stdout.write;
  const toStderr = (...args: unknown[]): void => console.error(...args);
  for (const m of CONSOLE_METHODS) console[m] = toStderr;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    (process.stderr.write as (...a: unknown[]) => boolean).call(process.stderr, chunk, ...rest)) as typeof process.stdout.write;
  try {
    return await task();
  } finally {
    for (const [m, fn] of saved) console[m] = fn;
    process.stdout.write = write;
  }
}

export async function prepareDrizzleSchema(file: string): Promise<Prepared> {
  const entry = await readSourceFile(file);
  const abs = path.resolve(file);
  const deps = new Set<string>(localImports(abs));
  // A schema compiled as CommonJS loads its files with require(), whose cache would
  // serve a file as it was at the first load in this process: forget local files.
  // tsx keys them `path?namespace=…`.
  const requireCache = createRequire(import.meta.url).cache;
  // By real path too: require() keys a file by it, and a schema reached through a symlink
  // (a pnpm workspace, a linked package folder) would otherwise stay cached.
  const local = new Set([abs, ...deps].flatMap((f) => [f, realPath(f)]));
  for (const key of Object.keys(requireCache)) if (local.has(key.split('?')[0] ?? key)) delete requireCache[key];
  const { tsImport } = await import('tsx/esm/api');
  const tsconfig = nearestTsconfig(abs);
  // Its `paths` decide which files an alias names: a cached model is checked against it too.
  if (tsconfig) deps.add(tsconfig);
  let mod: Record<string, unknown>;
  try {
    // Bare imports resolve from the importing file (Node's rule), so a package's own
    // node_modules (a workspace symlink) is found from any working directory.
    mod = (await withStdoutOnStderr(() => tsImport(pathToFileURL(abs).href, {
      parentURL: import.meta.url,
      tsconfig,
      onImport: (url: string) => {
        // Installed packages (node_modules/<pkg>) are covered by versions, not hashed.
        if (url.startsWith('file:') && !/\/node_modules\/[^./]/.test(url)) deps.add(fileURLToPath(url.split('?')[0] ?? url));
      },
    }))) as Record<string, unknown>;
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
    statements = await withStdoutOnStderr(() => api.generateMigration(api.generateDrizzleJson({}), current));
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
