/**
 * Introspect a database given by its connection: a small pool whose sessions
 * have the catalog settings (`search_path = pg_catalog`, no JIT, lock timeout).
 */
import type pg from 'pg';
import type { Connection } from '../db/connection.js';
import { openPool } from '../db/pool.js';
import { CATALOG_SETTINGS, inspect, type InspectOptions, type Inspection } from './index.js';

/** A pool for catalog reads (introspection, ledger reads, row probes). The caller ends it. */
export function openCatalogPool(conn: Connection): Promise<pg.Pool> {
  return openPool(conn, { max: 4, settings: CATALOG_SETTINGS });
}

export async function inspectConnection(conn: Connection, options: InspectOptions = {}): Promise<Inspection> {
  const pool = await openCatalogPool(conn);
  try {
    return await inspect(pool, options);
  } finally {
    await pool.end();
  }
}
