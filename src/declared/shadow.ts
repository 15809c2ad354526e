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

/** An extension a source needs, with where it is (line 0: no line, e.g. generated DDL). */
export interface ExtensionUse {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  /**
   * `created` (default): the source runs CREATE EXTENSION; `referenced`: it uses
   * the extension without creating it (extension-refs.ts); `option`: `--extension`.
   * The last two are created by the shadow before the replay.
   */
  readonly origin?: 'created' | 'referenced' | 'option';
  /** For `referenced`: what the source uses, e.g. `uuid_generate_v*()`. */
  readonly what?: string;
}

/** Where an extension use is, for messages. */
export function useWhere(use: ExtensionUse): string {
  if (use.origin === 'option') return `--extension ${use.name}`;
  const at = use.line > 0 ? `${use.file}:${use.line}` : use.file;
  return use.origin === 'referenced' && use.what ? `${at}: ${use.what}` : at;
}

/**
 * Create the extensions a source uses without creating them (and those named by
 * `--extension`) in the shadow, before the replay. The default schema is the
 * first of the reset search_path (public), as a plain CREATE EXTENSION would do.
 */
export async function createExtensions(shadow: Shadow, uses: readonly ExtensionUse[]): Promise<void> {
  const { ident } = await import('../render/quote.js');
  const { ReconcileError } = await import('../errors.js');
  await shadow.exec('RESET search_path');
  for (const use of uses) {
    try {
      await shadow.exec(`CREATE EXTENSION IF NOT EXISTS ${ident(use.name)}`);
    } catch (e) {
      const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      throw new ReconcileError(
        'source',
        `${useWhere(use)}: cannot create extension "${use.name}" in the shadow (${shadow.label}): ${message}`,
        shadow.kind === 'server' ? 'install the extension on the --shadow server, or use one that has it' : 'replay it on a server that has the extension: --shadow postgres://user@host/db',
      );
    }
  }
}

export interface ShadowOptions {
  /** A server to create the temporary database on; default PGlite, or the embedded server for a large source. */
  readonly url?: string | undefined;
  /** Bytes of DDL the source replays (chooses PGlite or the embedded server when no url is given). */
  readonly ddlBytes?: number;
  /** Extensions the source creates (PGlite must load them at start). */
  readonly extensions: readonly ExtensionUse[];
  /** Where PGlite keeps its initialized empty data directory (faster start), or null. */
  readonly cacheDir: string | null;
}

/**
 * From this much DDL on, the source is replayed on the embedded PostgreSQL the project ships
 * (started for the replay and stopped after) rather than PGlite: measured cold, the server
 * replayed 2,000 tables in 24.6 s against PGlite's 36.3 s (bench/README.md, "shadow"), and its
 * memory stays out of this process. Smaller sources keep PGlite: no server, no child process.
 * `RECONCILE_EMBEDDED_SHADOW_BYTES` overrides it (0: always the server; -1: never).
 */
export const EMBEDDED_SHADOW_BYTES = 1_000_000;

function embeddedThreshold(): number {
  const env = process.env['RECONCILE_EMBEDDED_SHADOW_BYTES'];
  return env !== undefined && env !== '' && Number.isFinite(Number(env)) ? Number(env) : EMBEDDED_SHADOW_BYTES;
}

/** Whether a source of this size goes to the embedded server (never when it creates extensions PGlite would load). */
export function wantsEmbedded(options: ShadowOptions): boolean {
  const threshold = embeddedThreshold();
  return !options.url && threshold >= 0 && (options.ddlBytes ?? 0) >= threshold && options.extensions.length === 0;
}

export async function openShadow(options: ShadowOptions): Promise<Shadow> {
  if (options.url) {
    const { openServerShadow } = await import('./server-shadow.js');
    return openServerShadow(options.url);
  }
  if (wantsEmbedded(options)) return openEmbeddedShadow(options.ddlBytes ?? 0);
  const { openPgliteShadow } = await import('./pglite.js');
  return openPgliteShadow(options.extensions, options.cacheDir);
}

/** A temporary database on the embedded server, started here; closing it stops the server. */
async function openEmbeddedShadow(bytes: number): Promise<Shadow> {
  const [{ startEmbedded }, { openServerShadow }] = await Promise.all([import('../embedded/server.js'), import('./server-shadow.js')]);
  const server = await startEmbedded({ version: '18' });
  try {
    const shadow = await openServerShadow(server.url);
    const mb = (bytes / 1_000_000).toFixed(1);
    return {
      kind: 'server',
      label: `the embedded PostgreSQL ${server.version}`,
      db: shadow.db,
      exec: (sql) => shadow.exec(sql),
      // A private cluster, as PGlite's: roles the source needs may be made there.
      canCreateRoles: true,
      notices: [`shadow: ${mb} MB of DDL replayed on the embedded PostgreSQL ${server.version} (faster than PGlite at this size), stopped after use`],
      close: async () => {
        await shadow.close().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (e) {
    await server.stop();
    throw e;
  }
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
