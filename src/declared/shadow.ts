/**
 * The shadow database a declared source is replayed in: PGlite in-process by
 * default, or a temporary database on a real server (`--shadow URL`). Both are
 * read by the same introspector as a live database.
 */
import type { Queryable } from '../db/pool.js';

export interface Shadow {
  /** `pglite` or `server`; part of the cache key. */
  readonly kind: 'pglite' | 'server';
  /** For messages, e.g. `PGlite 0.5.16 (PostgreSQL 18.6)`. */
  readonly label: string;
  /** The single session everything runs on (search_path is set per use). */
  readonly db: Queryable;
  /** Run one statement with the simple query protocol. */
  exec(sql: string): Promise<void>;
  /**
   * Whether a role a statement needs may be created on the fly. True for PGlite
   * (a private cluster); false for a server, where roles are cluster-wide.
   */
  readonly canCreateRoles: boolean;
  /** What the user should know (a temporary database was created, and dropped). */
  readonly notices: readonly string[];
  close(): Promise<void>;
}

/** A `CREATE EXTENSION` found in a source, with where it is. */
export interface ExtensionUse {
  readonly name: string;
  readonly file: string;
  readonly line: number;
}

export interface ShadowOptions {
  /** A server to create the temporary database on; default PGlite. */
  readonly url?: string | undefined;
  /** Extensions the source creates (PGlite must load them at start). */
  readonly extensions: readonly ExtensionUse[];
  /** Where PGlite keeps its initialized empty data directory (faster start), or null. */
  readonly cacheDir: string | null;
}

export async function openShadow(options: ShadowOptions): Promise<Shadow> {
  if (options.url) {
    const { openServerShadow } = await import('./server-shadow.js');
    return openServerShadow(options.url);
  }
  const { openPgliteShadow } = await import('./pglite.js');
  return openPgliteShadow(options.extensions, options.cacheDir);
}

/** The shadow kind as it enters the cache key, without opening anything. */
export async function shadowKey(url: string | undefined): Promise<string> {
  if (url) {
    const { redactUrl } = await import('../db/connection.js');
    return `server:${redactUrl(url)}`;
  }
  const { pgliteVersion } = await import('./pglite-version.js');
  return `pglite@${pgliteVersion()}`;
}
