/** Public types of the declared-model loader (re-exported by `declared/index.ts`). */
import type { Schema } from '../model/types.js';
import type { SqlStatement } from './split.js';

export type SourceKind =
  | 'drizzle-schema'
  | 'django-tree'
  | 'django-project'
  | 'drizzle-folder'
  | 'prisma-folder'
  | 'flyway-folder'
  | 'golang-migrate-folder'
  | 'dbmate-folder'
  | 'goose-folder'
  | 'sql-file'
  | 'database';

export interface DeclaredSource {
  readonly kind: SourceKind;
  /** The path as given, or the URL with its password removed. */
  readonly location: string;
}

export interface Migration {
  /** `chat.0004_callsession` for Django, the journal tag for drizzle-kit, the folder name for Prisma, the file name without `.sql` (`.up.sql`) for Flyway, golang-migrate, dbmate, goose. */
  readonly key: string;
  /** The Django app, `drizzle`, `prisma`, or the SQL-file tool (`flyway`, `golang-migrate`, `dbmate`, `goose`). */
  readonly app: string;
  /** The migration's name (SQL-file tools: its file's path relative to the folder, Flyway's `script`). */
  readonly name: string;
  readonly file: string;
  /** What is replayed: the file, or its up part (dbmate, goose: the other lines blanked). */
  readonly sql: string;
  /** sha256 (hex) of the file's bytes: what drizzle records in `__drizzle_migrations.hash`, Prisma in `_prisma_migrations.checksum`. */
  readonly hash: string;
  /** The drizzle journal's `when` (ms since the epoch); null for Django. */
  readonly when: number | null;
  /** No statement that changes the schema (only comments such as `-- Raw Python operation`, or only data). */
  readonly dataOnly: boolean;
  /**
   * Applying it runs nothing at all: no SQL, and no code of its own (a Django migration of model
   * options or validators only). Known only where the source can tell (a Django project); absent: unknown.
   */
  readonly stateOnly?: boolean;
  /** A squashed Django migration's `replaces` (`app.name` keys), when the source knows them (a Django project). */
  readonly replaces?: readonly string[];
}

export interface MigrationSnapshot {
  readonly migration: Migration;
  /** The shadow's model right after this migration. */
  readonly after: Schema;
}

export interface Declared {
  readonly source: DeclaredSource;
  readonly schema: Schema;
  /** In the order they were replayed (plan.txt, journal, or the order that worked). */
  readonly migrations: readonly Migration[];
  /** One per migration, in the same order; empty unless `snapshots: true`. */
  readonly snapshots: readonly MigrationSnapshot[];
  /** The empty shadow's model before the first migration (the `before` of the first snapshot); null unless `snapshots: true`. */
  readonly baseline: Schema | null;
  readonly fromCache: boolean;
  /** What the user should know: skipped statements, the shadow used, cache use. For stderr. */
  readonly notices: readonly string[];
}

export interface LoadOptions {
  /** Replay on a temporary database of this server instead of PGlite. */
  readonly shadowUrl?: string | undefined;
  /** Schemas to read back (default: every non-system schema). */
  readonly schemas?: readonly string[] | undefined;
  /** Record the model after each migration (an introspection per migration). */
  readonly snapshots?: boolean | undefined;
  /** Use and fill the cache (default true). */
  readonly cache?: boolean | undefined;
  /**
   * Extensions (`--extension NAME`) the shadow creates before the replay, for what
   * the source uses but neither creates nor is recognized (extension-refs.ts).
   */
  readonly extensions?: readonly string[] | undefined;
  /** Cache folder; default `$XDG_CACHE_HOME/pg-reconcile`, else `node_modules/.cache/pg-reconcile`. */
  readonly cacheDir?: string | undefined;
}

/** One unit the shadow runs in a transaction: a migration, or a whole file. */
export interface Script {
  readonly file: string;
  /** The migration this script is, or null for a single-file source. */
  readonly migration: Migration | null;
  readonly statements: readonly SqlStatement[];
  /** How to name a statement in an error when lines mean nothing (generated DDL). */
  readonly generated?: boolean;
}

/** A file whose content the declared model depends on, for cache validation. */
export interface InputFile {
  readonly path: string;
  readonly sha256: string;
}

/** A source read and split, ready to replay. */
export interface Prepared {
  readonly scripts: readonly Script[];
  /** `fixed`: replay in this order; `retry`: Django apps without plan.txt, find an order that works. */
  readonly order: 'fixed' | 'retry';
  readonly inputs: readonly InputFile[];
  readonly notices: readonly string[];
}
