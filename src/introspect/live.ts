/**
 * Introspect a database given by its connection: opens a small pool whose
 * sessions use `search_path = pg_catalog`, reads, closes.
 */
import type { Connection } from '../db/connection.js';
import { openPool } from '../db/pool.js';
import { CATALOG_SETTINGS, inspect, type InspectOptions, type Inspection } from './index.js';

export async function inspectConnection(conn: Connection, options: InspectOptions = {}): Promise<Inspection> {
  const pool = await openPool(conn, { max: 4, settings: CATALOG_SETTINGS });
  try {
    return await inspect(pool, options);
  } finally {
    await pool.end();
  }
}
