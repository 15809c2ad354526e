/**
 * drizzle-kit / drizzle-orm: `drizzle.__drizzle_migrations(id serial, hash text, created_at bigint)`.
 * `hash` is the sha256 (hex) of the whole migration file, `created_at` the
 * journal's `when`. drizzle's `migrate()` reads only the newest `created_at` and
 * applies the journal entries newer than it, so an entry older than the newest
 * recorded one that has no row is never applied by drizzle: it is reported.
 *
 * Rows are paired with journal entries by hash; a row whose hash matches no file
 * but whose `created_at` equals an entry's `when` records that entry, edited
 * since it ran (reported as drift). Rows matching neither are unknown.
 * The table is drizzle's default (`migrationsSchema`/`migrationsTable` set in a
 * drizzle config are not read).
 *
 * Two shapes of the table, told apart by its `name` column (as drizzle-orm does,
 * `GET_VERSION_FOR.pg` in drizzle-orm/src/up-migrations/utils.ts, v1.0.0-rc.4):
 * - drizzle-kit 0.x / drizzle-orm 0.x: `(id, hash, created_at)`, as above;
 * - drizzle-orm 1.0: `(id, hash, created_at, name, applied_at)`. Its migrate()
 *   (drizzle-orm/src/migrator.utils.ts `getMigrationsToRun`) applies every local
 *   migration whose folder name has no row, older or not, and records
 *   `(hash, created_at, name)`; its upgrade of an 0.x table backfills `name`.
 *   A migration's name is its 1.0 folder name, `YYYYMMDDHHMMSS_<tag without its
 *   number>` (drizzle-kit's `up` makes it from the journal's `when`, in UTC), and
 *   `created_at` that timestamp in ms. Rows are paired by name; a row without a
 *   name falls back to the 0.x pairing.
 */
import type { Queryable } from '../db/pool.js';
import type { DeclaredSource, Migration } from '../declared/types.js';
import { ReconcileError } from '../errors.js';
import type { QualifiedName } from '../model/types.js';
import { ident, literal, qualified } from '../render/quote.js';
import { ROW_WRITE_LOCK, ledgerStatement, pruneStatement, requireLedgerColumns } from './sql.js';
import type { FixRequest, LedgerAdapter, LedgerEntry, LedgerMatch, LedgerReading, LedgerRow } from './types.js';

export interface DrizzleRow extends LedgerRow {
  readonly hash: string;
  /** `created_at` as text (a bigint), or null. */
  readonly createdAt: string | null;
  /** drizzle-orm 1.0's `name` (the migration folder's name); null in the 0.x shape. */
  readonly name: string | null;
}

export const SHAPE_0X = 'drizzle-kit 0.x shape: rows matched by hash and created_at';
export const SHAPE_1_0 = 'drizzle-orm 1.0 shape: rows matched by name';

const two = (n: number): string => String(n).padStart(2, '0');

/** The 1.0 folder name of a journal migration: `20261020143012_callsession` for `0001_callsession` (its `when` in UTC). */
export function drizzleV1Name(m: Migration): string {
  if (m.when === null) return m.name;
  const d = new Date(m.when);
  const stamp = `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
  const rest = m.name.includes('_') ? m.name.slice(m.name.indexOf('_') + 1) : m.name;
  return `${stamp}_${rest}`;
}

/** drizzle-orm 1.0's `created_at` for a migration: its folder's timestamp (whole seconds), in ms. */
const v1CreatedAt = (m: Migration): number | null => (m.when === null ? null : Math.floor(m.when / 1000) * 1000);

export const DRIZZLE_TABLE: QualifiedName = { schema: 'drizzle', name: '__drizzle_migrations' };

const short = (hash: string): string => `${hash.slice(0, 12)}…`;

async function read(db: Queryable): Promise<LedgerReading<DrizzleRow>> {
  const found = await db.query<{ present: boolean }>('SELECT pg_catalog.to_regclass($1) IS NOT NULL AS present', [qualified(DRIZZLE_TABLE)]);
  if (!found.rows[0]?.present) return { kind: 'drizzle', table: DRIZZLE_TABLE, exists: false, rows: [] };
  await requireLedgerColumns(db, DRIZZLE_TABLE, 'drizzle', ['id', 'hash', 'created_at']);
  const cols = await db.query<{ present: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = pg_catalog.to_regclass($1) AND attname = $2 AND attnum > 0 AND NOT attisdropped) AS present',
    [qualified(DRIZZLE_TABLE), 'name'],
  );
  const v1 = cols.rows[0]?.present === true;
  const res = await db.query<{ id: string; hash: string; created_at: string | null; name: string | null }>(
    `SELECT id::text AS id, hash, created_at::text AS created_at, ${v1 ? 'name::text' : 'NULL::text'} AS name FROM ${qualified(DRIZZLE_TABLE)} ORDER BY id`,
  );
  const rows = res.rows.map((r): DrizzleRow => ({
    id: r.id,
    hash: r.hash,
    createdAt: r.created_at,
    name: r.name,
    display: `id ${r.id}, ${r.name !== null ? `name ${r.name}, ` : ''}hash ${short(r.hash)}, created_at ${r.created_at ?? 'NULL'}`,
    values: { id: r.id, hash: r.hash, created_at: r.created_at, ...(v1 ? { name: r.name } : {}) },
  }));
  return { kind: 'drizzle', table: DRIZZLE_TABLE, exists: true, rows, shape: v1 ? SHAPE_1_0 : SHAPE_0X };
}

const isV1 = (reading: LedgerReading<DrizzleRow>): boolean => reading.shape === SHAPE_1_0;

/** The newest recorded `created_at` (what drizzle compares against), or null. */
function newest(rows: readonly DrizzleRow[]): DrizzleRow | null {
  let best: DrizzleRow | null = null;
  for (const r of rows) {
    if (r.createdAt === null) continue;
    if (!best || BigInt(r.createdAt) > BigInt(best.createdAt ?? '0')) best = r;
  }
  return best;
}

function match(reading: LedgerReading<DrizzleRow>, migrations: readonly Migration[], _source: DeclaredSource): LedgerMatch<DrizzleRow> {
  const explained = new Set<DrizzleRow>();
  const found = new Map<string, { rows: DrizzleRow[]; edited: boolean }>();
  const v1 = isV1(reading);
  if (v1) {
    // drizzle-orm 1.0: by name; a named row whose hash differs is an edited migration.
    for (const m of migrations) {
      const byName = reading.rows.filter((r) => r.name === drizzleV1Name(m));
      byName.forEach((r) => explained.add(r));
      found.set(m.key, { rows: byName, edited: byName.length > 0 && byName.every((r) => r.hash !== m.hash) });
    }
  }
  for (const m of migrations) {
    if ((found.get(m.key)?.rows.length ?? 0) > 0) continue;
    const byHash = reading.rows.filter((r) => !explained.has(r) && (!v1 || r.name === null) && r.hash === m.hash);
    byHash.forEach((r) => explained.add(r));
    found.set(m.key, { rows: byHash, edited: false });
  }
  // Second pass: rows no file explains, paired by `created_at` (an edited migration).
  for (const m of migrations) {
    const f = found.get(m.key);
    if (!f || f.rows.length > 0 || m.when === null) continue;
    const byTime = reading.rows.filter((r) => !explained.has(r) && (!v1 || r.name === null) && r.createdAt === String(m.when));
    byTime.forEach((r) => explained.add(r));
    if (byTime.length > 0) found.set(m.key, { rows: byTime, edited: true });
  }
  const top = newest(reading.rows);
  const topName = top ? (migrations.find((m) => found.get(m.key)?.rows.includes(top))?.key ?? `created_at ${top.createdAt}`) : null;
  const entries = new Map<string, LedgerEntry<DrizzleRow>>();
  for (const m of migrations) {
    const f = found.get(m.key) ?? { rows: [], edited: false };
    const notes: string[] = [];
    if (f.edited) notes.push(`edited since it was recorded: the ledger has hash ${short(f.rows[0]?.hash ?? '')}, the file ${short(m.hash)}`);
    if (f.rows.length > 1) notes.push(`recorded ${f.rows.length} times`);
    // drizzle-orm 1.0 applies every migration without a row, older or not.
    if (!v1 && f.rows.length === 0 && top && m.when !== null && BigInt(m.when) < BigInt(top.createdAt ?? '0')) {
      notes.push(`drizzle will never apply it: older than the newest recorded migration (${topName})`);
    }
    if (v1 && f.rows.length === 0) {
      const other = reading.rows.find((r) => !explained.has(r) && r.name !== null && r.hash === m.hash);
      if (other) notes.push(`the ledger has its hash under the name ${other.name ?? ''}, not ${drizzleV1Name(m)}: drizzle-orm 1.0 matches by name and would apply it again`);
    }
    entries.set(m.key, { recorded: f.rows.length > 0, rows: f.rows, notes, drift: f.edited });
  }
  return { entries, unknown: reading.rows.filter((r) => !explained.has(r)), outside: [], notes: [] };
}

/** The journal's `when` as SQL: an integer (ms since the epoch), or NULL. */
const when = (m: Migration): string => {
  if (m.when === null) return 'NULL';
  if (!Number.isSafeInteger(m.when)) throw new ReconcileError('bad-input', `${m.key}: the journal's "when" (${m.when}) is not an integer`);
  return String(m.when);
};

const recorded = (m: Migration): string => {
  const byTime = m.when === null ? '' : ` OR "created_at" = ${when(m)}`;
  return `EXISTS (SELECT 1 FROM ${qualified(DRIZZLE_TABLE)} WHERE "hash" = ${literal(m.hash)}${byTime})`;
};

const recordedV1 = (m: Migration): string => `EXISTS (SELECT 1 FROM ${qualified(DRIZZLE_TABLE)} WHERE "name" = ${literal(drizzleV1Name(m))})`;

/** The row drizzle-orm 1.0's migrate() inserts: `(hash, created_at, name)`, `applied_at` by its default. */
function insertV1(m: Migration): string {
  const at = v1CreatedAt(m);
  return `INSERT INTO ${qualified(DRIZZLE_TABLE)} ("hash", "created_at", "name") SELECT ${literal(m.hash)}, ${at === null ? 'NULL' : String(at)}, ${literal(drizzleV1Name(m))} WHERE NOT ${recordedV1(m)}`;
}

export const drizzleLedger: LedgerAdapter<DrizzleRow> = {
  kind: 'drizzle',
  read,
  match,
  fix(req: FixRequest<DrizzleRow>) {
    const t = DRIZZLE_TABLE;
    const out = [];
    if (!req.reading.exists && req.record.length > 0) {
      // Exactly what drizzle-orm's migrate() runs (pg-core dialect).
      out.push(
        ledgerStatement(t, { description: `create the drizzle ledger schema ${ident(t.schema)}`, sql: `CREATE SCHEMA IF NOT EXISTS ${ident(t.schema)}` }),
        ledgerStatement(t, {
          description: `create the drizzle ledger ${qualified(t)}`,
          sql: `CREATE TABLE IF NOT EXISTS ${qualified(t)} (\n\tid SERIAL PRIMARY KEY,\n\thash text NOT NULL,\n\tcreated_at bigint\n)`,
        }),
      );
    }
    const v1 = isV1(req.reading);
    for (const m of req.record) {
      out.push(
        ledgerStatement(t, {
          description: v1
            ? `record ${m.key} as applied (name ${drizzleV1Name(m)}, hash ${short(m.hash)})`
            : `record ${m.key} as applied (hash ${short(m.hash)}, created_at ${m.when ?? 'NULL'})`,
          sql: v1 ? insertV1(m) : `INSERT INTO ${qualified(t)} ("hash", "created_at") SELECT ${literal(m.hash)}, ${when(m)} WHERE NOT ${recorded(m)}`,
          lockLevel: ROW_WRITE_LOCK,
          locks: req.reading.exists ? [t] : [],
        }),
      );
    }
    for (const r of req.prune) out.push(pruneStatement(t, r.display, { id: r.id, hash: r.hash }));
    return out;
  },
  recordedCondition: (reading, m) => (isV1(reading) ? recordedV1(m) : recorded(m)),
  rowGoneCondition: (_reading, row) => `NOT EXISTS (SELECT 1 FROM ${qualified(DRIZZLE_TABLE)} WHERE "id" = ${literal(row.id)})`,
};
