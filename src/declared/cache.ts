/**
 * The declared-model cache: one JSON file per key, where the key is the sha256 of
 * the source's contents, the tool's version, the catalog queries, the shadow kind and the schemas
 * asked for. An entry also lists its input files with their hashes; it is used
 * only if they are all unchanged (this covers files a Drizzle module imports).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as QUERIES from '../introspect/queries.js';
import type { Schema } from '../model/types.js';
import { REGISTRY } from '../objects/index.js';
import { NOT_COMPARED_SQL } from '../objects/not-compared.js';
import { sha256 } from './sources/files.js';
import { DRIVER_PY, SETTINGS_PY } from './django/driver-py.js';
import type { DeclaredSource, InputFile, Migration, MigrationSnapshot } from './types.js';

// 2: models hold `objects` and `notCompared` (the registry kinds).
// 3: columns hold `identitySequence` (identity sequence options).
// 4: registry kind `grant` (privileges).
const FORMAT = 5;

export interface CachedModel {
  readonly source: DeclaredSource;
  readonly schema: Schema;
  readonly migrations: readonly Migration[];
  readonly snapshots: readonly MigrationSnapshot[] | null;
  readonly baseline: Schema | null;
  readonly notices: readonly string[];
}

interface Entry {
  readonly format: number;
  readonly inputs: readonly InputFile[];
  readonly model: CachedModel;
}

let toolVersionCache: string | undefined;

/** pg-reconcile's version (package.json), part of every key. */
export function toolVersion(): string {
  if (!toolVersionCache) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    toolVersionCache = pkg.version;
  }
  return toolVersionCache;
}

/** `$XDG_CACHE_HOME/pg-reconcile`, else the nearest `node_modules/.cache/pg-reconcile` (from the working folder, then this package's own). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg) return path.join(xdg, 'pg-reconcile');
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules'))) return path.join(dir, 'node_modules', '.cache', 'pg-reconcile');
    if (path.dirname(dir) === dir) break;
  }
  const own = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules');
  if (existsSync(own)) return path.join(own, '.cache', 'pg-reconcile');
  return path.join(os.tmpdir(), 'pg-reconcile-cache');
}

export interface KeyParts {
  readonly kind: string;
  readonly shadow: string;
  readonly schemas: readonly string[] | undefined;
  /** Content hashes in a stable order, paths relative to the source. */
  readonly contents: readonly string[];
  readonly extra?: readonly string[];
}

/** The Python the Django project source runs inside manage.py: another driver may read other migrations. */
const DRIVER_FINGERPRINT = sha256(`${SETTINGS_PY}\n${DRIVER_PY}`);

let catalogCache: string | undefined;

/**
 * A hash of every catalog query the model is read with (tables, registry kinds, the
 * not-compared counts): a model read by other queries (a new kind, a fixed query) is
 * not served from the cache, even under the same version number.
 */
export function catalogFingerprint(): string {
  if (!catalogCache) {
    const texts = Object.values(QUERIES).map((q) => (typeof q === 'string' ? q : typeof q === 'function' ? String(q) : ''));
    texts.push(...Object.values(REGISTRY).map((k) => `${k.kind}:${k.sql(180000)}`), NOT_COMPARED_SQL);
    catalogCache = sha256(texts.join('\n'));
  }
  return catalogCache;
}

export function cacheKey(parts: KeyParts): string {
  return sha256(JSON.stringify({ format: FORMAT, tool: toolVersion(), catalog: catalogFingerprint(), driver: DRIVER_FINGERPRINT, ...parts, schemas: parts.schemas ? [...parts.schemas].sort() : null }));
}

export async function readCache(dir: string, key: string): Promise<{ inputs: readonly InputFile[]; model: CachedModel } | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, `${key}.json`), 'utf8');
  } catch {
    return null;
  }
  try {
    const entry = JSON.parse(text) as Entry;
    return entry.format === FORMAT ? entry : null;
  } catch {
    return null; // a torn or foreign file: replay and overwrite it
  }
}

export async function writeCache(dir: string, key: string, inputs: readonly InputFile[], model: CachedModel): Promise<void> {
  const entry: Entry = { format: FORMAT, inputs, model };
  try {
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, `${key}.json`);
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(entry));
    await fs.rename(tmp, file);
  } catch {
    // The cache is an optimization: a read-only or full disk only costs the next replay.
  }
}
