/**
 * Live introspection: reads a database into the model with one bulk query per
 * object kind, run concurrently. Works on anything `Queryable` (a `pg` pool, a
 * PGlite shadow) whose sessions run with `search_path = pg_catalog`.
 */
import type { Queryable } from '../db/pool.js';
import { ReconcileError } from '../errors.js';
import type { Schema } from '../model/types.js';
import { assemble } from './assemble.js';
import { readObjects } from './objects.js';
import {
  COLLATIONS_SQL,
  COLUMNS_SQL,
  DEPARSE_SQL,
  ENUMS_SQL,
  EXTENSIONS_SQL,
  NAMESPACES_SQL,
  OPCLASSES_SQL,
  RELATIONS_SQL,
  SEQUENCES_SQL,
  SESSION_SQL,
  constraintsSql,
  indexesSql,
  type CollationRow,
  type ColumnRow,
  type ConstraintRow,
  type DeparseRow,
  type EnumRow,
  type ExtensionRow,
  type IndexRow,
  type OpclassRow,
  type RelationRow,
  type SequenceRow,
  type SessionRow,
} from './queries.js';

/**
 * Session settings for introspection: `search_path` so PostgreSQL qualifies every
 * name it prints; `jit = off` because compiling the catalog queries costs more
 * than running them; no parallel workers, because each one warms its own catalog
 * caches (measured at 10,000 tables: ~0.15 s more server CPU for no gain on two
 * cores) and the queries already run side by side on the pool's connections.
 */
/**
 * Also: no JIT and no parallel workers (both cost server CPU for these queries),
 * and a lock timeout: deparsing checks and expression indexes opens their table,
 * so a session holding an exclusive lock would make us wait without end.
 */
export const CATALOG_SETTINGS = { search_path: 'pg_catalog', jit: 'off', max_parallel_workers_per_gather: '0', lock_timeout: '10s' } as const;
export const CATALOG_SEARCH_PATH_SQL = 'SET search_path = pg_catalog';

export interface InspectOptions {
  /** Schemas to read; default every non-system schema. Unknown names are an error. */
  readonly schemas?: readonly string[] | undefined;
}

export interface Inspection {
  readonly schema: Schema;
  /** `server_version_num`, e.g. 180004. */
  readonly serverVersion: number;
}

async function rows<R extends object>(db: Queryable, sql: string, params?: unknown[]): Promise<R[]> {
  try {
    return (await db.query<R>(sql, params)).rows;
  } catch (e) {
    if ((e as { code?: string }).code === '55P03') {
      throw new ReconcileError(
        'refused',
        `reading the catalog waited ${CATALOG_SETTINGS.lock_timeout} for a table lock: a session holds an exclusive lock on a table being read`,
        'find it with reconcile locks, then end it or try again when it is done',
      );
    }
    throw e;
  }
}

export async function inspect(db: Queryable, options: InspectOptions = {}): Promise<Inspection> {
  const [session] = await rows<SessionRow>(db, SESSION_SQL);
  if (!session) throw new ReconcileError('internal', 'could not read the server version');
  if (session.search_path !== 'pg_catalog') {
    throw new ReconcileError('internal', `introspection needs search_path = pg_catalog, the session has ${session.search_path}`);
  }
  const available = (await rows<{ name: string }>(db, NAMESPACES_SQL)).map((r) => r.name);
  const schemas = options.schemas ? [...new Set(options.schemas)] : available;
  const unknown = schemas.filter((s) => !available.includes(s));
  if (unknown.length > 0) {
    throw new ReconcileError(
      'not-found',
      `schema ${unknown.map((s) => JSON.stringify(s)).join(', ')} does not exist`,
      `the database has: ${available.join(', ') || 'no user schemas'}`,
    );
  }
  const v = session.version;
  const p = [schemas];
  // Longest server-side work first: the pool runs four at a time.
  const [deparsed, columns, constraints, indexes, relations, opclasses, collations, enums, sequences, extensions, registry] = await Promise.all([
    rows<DeparseRow>(db, DEPARSE_SQL, p),
    rows<ColumnRow>(db, COLUMNS_SQL, p),
    rows<ConstraintRow>(db, constraintsSql(v), p),
    rows<IndexRow>(db, indexesSql(v), p),
    rows<RelationRow>(db, RELATIONS_SQL, p),
    rows<OpclassRow>(db, OPCLASSES_SQL),
    rows<CollationRow>(db, COLLATIONS_SQL),
    rows<EnumRow>(db, ENUMS_SQL, p),
    rows<SequenceRow>(db, SEQUENCES_SQL, p),
    rows<ExtensionRow>(db, EXTENSIONS_SQL),
    readObjects(db, rows, v, schemas),
  ]);
  const core = assemble({ schemas, relations, columns, constraints, indexes, deparsed, opclasses, collations, enums, sequences, extensions });
  const schema: Schema = { ...core, objects: registry.objects, notCompared: registry.notCompared };
  return { schema, serverVersion: v };
}
