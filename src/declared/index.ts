/**
 * The declared model: every kind of source a team has (a Drizzle schema, Django
 * migrations, a drizzle-kit folder, a Prisma migrations folder, a pg_dump, a reference database) becomes DDL
 * replayed in a shadow database and read back by the same introspector as the
 * live database, so both sides are normalized by PostgreSQL itself.
 *
 * Nothing is written anywhere but the shadow (and the cache folder).
 */
import { resolveConnection } from '../db/connection.js';
import { ReconcileError } from '../errors.js';
import { inspectConnection } from '../introspect/live.js';
import { cacheKey, defaultCacheDir, readCache, writeCache, type CachedModel } from './cache.js';
import { detectSource } from './detect.js';
import { namedExtensions, referencedExtensions } from './extension-refs.js';
import { extensionUses, fingerprint } from './fingerprint.js';
import { replay, type ReplayResult } from './replay.js';
import { createExtensions, openShadow, shadowKey } from './shadow.js';
import { inputsUnchanged } from './sources/files.js';
import type { Declared, DeclaredSource, InputFile, LoadOptions, Prepared } from './types.js';

export type {
  Declared,
  DeclaredSource,
  LoadOptions,
  Migration,
  MigrationSnapshot,
  SourceKind,
} from './types.js';
export { detectSource } from './detect.js';
export { migrationEffects, type MigrationEffects } from './effects.js';

async function prepare(source: DeclaredSource): Promise<Prepared> {
  switch (source.kind) {
    case 'sql-file':
      return (await import('./sources/sql-file.js')).prepareSqlFile(source.location);
    case 'django-tree':
      return (await import('./sources/django-tree.js')).prepareDjangoTree(source.location);
    case 'drizzle-folder':
      return (await import('./sources/drizzle-folder.js')).prepareDrizzleFolder(source.location);
    case 'prisma-folder':
      return (await import('./sources/prisma-folder.js')).preparePrismaFolder(source.location);
    case 'drizzle-schema':
      return (await import('./sources/drizzle-schema.js')).prepareDrizzleSchema(source.location);
    case 'flyway-folder':
    case 'golang-migrate-folder':
    case 'dbmate-folder':
    case 'goose-folder':
      return (await import('./sources/sql-tools.js')).prepareSqlToolFolder(source.kind, source.location);
    case 'django-project':
      throw new Error('a Django project is migrated by Django, not prepared');
    case 'database':
      throw new Error('a database source is introspected, not prepared');
  }
}

/** A reference database: read directly, like the live one (no shadow, no cache: it has no content hash). */
/** Replay a source in its shadow: the statements of a prepared source, or a Django project's own `migrate`. */
async function build(source: DeclaredSource, options: LoadOptions, cacheDir: string, snapshots: boolean): Promise<ReplayResult & { inputs: readonly InputFile[] }> {
  if (source.kind === 'django-project') {
    if (options.extensions && options.extensions.length > 0) {
      throw new ReconcileError('bad-input', '--extension does not apply to a Django project: Django runs its own migrate', 'create the extension in a migration (CreateExtension operation)');
    }
    const { replayDjangoProject } = await import('./django/replay-project.js');
    return replayDjangoProject(source.location, { shadowUrl: options.shadowUrl, schemas: options.schemas, snapshots });
  }
  const prepared = await prepare(source);
  const created = extensionUses(prepared.scripts);
  const referenced = referencedExtensions(prepared.scripts, created);
  // Created by the shadow first: used by the source without a CREATE EXTENSION of its own.
  const before = [...referenced, ...namedExtensions(options.extensions ?? [], [...created, ...referenced])];
  const ddlBytes = prepared.scripts.reduce((n, sc) => n + sc.statements.reduce((m, st) => m + st.sql.length, 0), 0);
  const shadow = await openShadow({ url: options.shadowUrl, extensions: [...created, ...before], cacheDir, ddlBytes });
  let result;
  try {
    await createExtensions(shadow, before);
    result = await replay(shadow, prepared, { schemas: options.schemas, snapshots });
  } finally {
    await shadow.close();
  }
  return { ...result, notices: [...prepared.notices, ...result.notices], inputs: prepared.inputs };
}

/** The shadow as it enters the cache key: a Django project runs on a real server (embedded, or `--shadow`). */
async function shadowKeyOf(source: DeclaredSource, url: string | undefined): Promise<string> {
  return source.kind === 'django-project' && !url ? 'embedded-postgres' : shadowKey(url);
}

async function loadDatabase(spec: string, source: DeclaredSource, options: LoadOptions): Promise<Declared> {
  const inspection = await inspectConnection(resolveConnection({ url: spec }), { schemas: options.schemas });
  return { source, schema: inspection.schema, migrations: [], snapshots: [], baseline: null, fromCache: false, notices: [] };
}

function fromCache(source: DeclaredSource, model: CachedModel, snapshots: boolean): Declared {
  return {
    source,
    schema: model.schema,
    migrations: model.migrations,
    snapshots: snapshots ? (model.snapshots ?? []) : [],
    baseline: snapshots ? model.baseline : null,
    fromCache: true,
    notices: model.notices,
  };
}

/**
 * Load the declared model from `spec` (a path, a prefixed path such as `sql:dump.txt`,
 * or a postgres:// URL). Throws `ReconcileError` (`bad-input` for paths and prefixes,
 * `source` for sources that fail to load or replay, naming file, migration and line).
 */
export async function loadDeclared(spec: string, options: LoadOptions = {}): Promise<Declared> {
  const source = detectSource(spec);
  if (source.kind === 'database') return loadDatabase(spec, source, options);
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const useCache = options.cache !== false;
  const snapshots = options.snapshots === true;
  let key: string | null = null;
  if (useCache) {
    const print = await fingerprint(source);
    const named = [...new Set((options.extensions ?? []).map((e) => e.toLowerCase()))].sort();
    const extra = named.length > 0 ? [...(print.extra ?? []), `extensions:${named.join(',')}`] : print.extra;
    key = cacheKey({ kind: source.kind, shadow: await shadowKeyOf(source, options.shadowUrl), schemas: options.schemas, ...print, extra });
    const hit = await readCache(cacheDir, key);
    const checksInputs = source.kind === 'drizzle-schema' || source.kind === 'django-project';
    const fresh = hit && (!snapshots || hit.model.snapshots !== null) && (!checksInputs || (await inputsUnchanged(hit.inputs)));
    if (hit && fresh) return fromCache(source, hit.model, snapshots);
  }
  const result = await build(source, options, cacheDir, snapshots);
  const notices = result.notices;
  const model: CachedModel = {
    source,
    schema: result.schema,
    migrations: result.migrations,
    snapshots: snapshots ? result.snapshots : null,
    baseline: result.baseline,
    notices,
  };
  if (key) await writeCache(cacheDir, key, result.inputs, model);
  return {
    source,
    schema: result.schema,
    migrations: result.migrations,
    snapshots: result.snapshots,
    baseline: result.baseline,
    fromCache: false,
    notices,
  };
}
