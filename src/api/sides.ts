/**
 * Both sides of a comparison, read concurrently: the declared source (loaded
 * through its shadow, or from the cache) and the live database (introspected on
 * a catalog pool that stays open for the caller's further reads).
 */
import type pg from 'pg';
import { resolveConnection, type Connection } from '../db/connection.js';
import { loadDeclared, type Declared } from '../declared/index.js';
import { inspect, type Inspection } from '../introspect/index.js';
import { openCatalogPool } from '../introspect/live.js';

export interface SidesRequest {
  readonly url?: string | undefined;
  readonly from: string;
  readonly shadowUrl?: string | undefined;
  /** `--extension`: extensions the shadow creates before replaying the source. */
  readonly extensions?: readonly string[] | undefined;
  readonly schemas?: readonly string[] | undefined;
  /** Record per-migration snapshots of the source (ledger status and fix need them). */
  readonly snapshots?: boolean | undefined;
}

export interface Sides {
  readonly connection: Connection;
  /** Catalog pool on the live database, ended when the callback returns. */
  readonly pool: pg.Pool;
  readonly declared: Declared;
  readonly live: Inspection;
}

export async function withBothSides<T>(req: SidesRequest, use: (sides: Sides) => Promise<T>): Promise<T> {
  const connection = resolveConnection({ url: req.url });
  const pool = await openCatalogPool(connection);
  try {
    const [declared, live] = await Promise.all([
      loadDeclared(req.from, { shadowUrl: req.shadowUrl, extensions: req.extensions, schemas: req.schemas, snapshots: req.snapshots }),
      inspect(pool, { schemas: req.schemas }),
    ]);
    return await use({ connection, pool, declared, live });
  } finally {
    await pool.end();
  }
}
