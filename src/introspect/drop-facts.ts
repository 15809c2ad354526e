/**
 * What dropping an object would destroy, probed at plan time for the drops a
 * migration of the source made (ledger/steps.ts): the rows that hold a value in a
 * column (counted exactly on small tables, estimated from the statistics on
 * large ones), the rows of a table, the size of an index, and the objects that
 * depend on it (pg_depend: a view or a foreign key stops a drop without
 * CASCADE; indexes and constraints over a column go with it).
 */
import type { Queryable } from '../db/pool.js';
import type { Change } from '../diff/index.js';
import type { QualifiedName } from '../model/types.js';
import { ident, qualified } from '../render/quote.js';

/** Tables up to this many pages are counted exactly (a scan of at most ~80 MB). */
const EXACT_PAGES = 10000;

interface RelFacts {
  pages: number;
  tuples: number;
}

async function relFacts(db: Queryable, t: QualifiedName): Promise<RelFacts | null> {
  const r = await db.query<{ pages: number; tuples: number }>(
    'SELECT c.relpages::int AS pages, c.reltuples::float8 AS tuples FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass($1)',
    [qualified(t)],
  );
  const row = r.rows[0];
  return row ? { pages: Number(row.pages), tuples: Number(row.tuples) } : null;
}

/** Rows of `t` (matching `where`), exact when cheap; `~N (estimate)` otherwise. */
async function rowCount(db: Queryable, t: QualifiedName, where: string, estimate: (f: RelFacts) => Promise<number>): Promise<string | null> {
  const f = await relFacts(db, t);
  if (!f) return null;
  if (f.pages <= EXACT_PAGES) {
    const r = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${qualified(t)}${where ? ` WHERE ${where}` : ''}`);
    return r.rows[0]?.n ?? '0';
  }
  return `~${Math.round(await estimate(f))} (estimate)`;
}

const plural = (n: string, word: string): string => `${n} ${word}${n === '1' ? '' : 's'}`;

async function dependents(db: Queryable, classid: string, objid: number, subid: number, kinds: string): Promise<string[]> {
  const r = await db.query<{ what: string }>(
    `SELECT DISTINCT CASE WHEN d.classid = 'pg_catalog.pg_rewrite'::regclass
              THEN 'view ' || (SELECT rw.ev_class::regclass::text FROM pg_catalog.pg_rewrite rw WHERE rw.oid = d.objid)
              ELSE pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid) END AS what
       FROM pg_catalog.pg_depend d
      WHERE d.refclassid = $1::regclass AND d.refobjid = $2 AND ($3::int = 0 OR d.refobjsubid = $3::int)
        AND d.deptype = ANY ($4::"char"[])
        AND NOT (d.classid = 'pg_catalog.pg_type'::regclass)
        -- PostgreSQL 18 keeps NOT NULL as constraints: they go with the column and say nothing more.
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE d.classid = 'pg_catalog.pg_constraint'::regclass AND k.oid = d.objid AND k.contype::text = 'n')
      ORDER BY 1`,
    [classid, objid, subid, kinds.split('')],
  );
  return r.rows.map((x) => x.what).filter((w) => w !== null);
}

async function columnFacts(db: Queryable, t: QualifiedName, column: string): Promise<string[]> {
  const a = await db.query<{ rel: number; num: number }>(
    'SELECT a.attrelid::int8 AS rel, a.attnum::int AS num FROM pg_catalog.pg_attribute a WHERE a.attrelid = pg_catalog.to_regclass($1) AND a.attname = $2 AND NOT a.attisdropped',
    [qualified(t), column],
  );
  const at = a.rows[0];
  if (!at) return [];
  const out: string[] = [];
  const n = await rowCount(db, t, `${ident(column)} IS NOT NULL`, async (f) => {
    const s = await db.query<{ f: number }>('SELECT null_frac::float8 AS f FROM pg_catalog.pg_stats WHERE schemaname = $1 AND tablename = $2 AND attname = $3', [t.schema, t.name, column]);
    return f.tuples * (1 - Number(s.rows[0]?.f ?? 0));
  });
  if (n !== null) out.push(`destroys the values of ${plural(n, 'row')}`);
  const blocks = await dependents(db, 'pg_catalog.pg_class', Number(at.rel), Number(at.num), 'n');
  const goes = await dependents(db, 'pg_catalog.pg_class', Number(at.rel), Number(at.num), 'a');
  if (goes.length > 0) out.push(`takes with it ${goes.join(', ')}`);
  if (blocks.length > 0) out.push(`depended on by ${blocks.join(', ')} (it cannot be dropped while they remain)`);
  return out;
}

async function tableFacts(db: Queryable, t: QualifiedName): Promise<string[]> {
  const n = await rowCount(db, t, '', async (f) => f.tuples);
  if (n === null) return [];
  const size = await db.query<{ s: string; oid: number }>('SELECT pg_catalog.pg_size_pretty(pg_catalog.pg_total_relation_size(c)) AS s, c::int8 AS oid FROM pg_catalog.to_regclass($1) c', [qualified(t)]);
  const out = [`destroys ${plural(n, 'row')} (${size.rows[0]?.s ?? '?'})`];
  const blocks = await dependents(db, 'pg_catalog.pg_class', Number(size.rows[0]?.oid ?? 0), 0, 'n');
  if (blocks.length > 0) out.push(`depended on by ${blocks.join(', ')} (it cannot be dropped while they remain)`);
  return out;
}

async function indexFacts(db: Queryable, t: QualifiedName, name: string): Promise<string[]> {
  const r = await db.query<{ s: string | null }>('SELECT pg_catalog.pg_size_pretty(pg_catalog.pg_relation_size(pg_catalog.to_regclass($1))) AS s', [qualified({ schema: t.schema, name })]);
  return r.rows[0]?.s ? [`destroys an index of ${r.rows[0].s}`] : [];
}

async function constraintFacts(db: Queryable, t: QualifiedName, name: string): Promise<string[]> {
  const r = await db.query<{ oid: number }>('SELECT oid::int8 AS oid FROM pg_catalog.pg_constraint WHERE conrelid = pg_catalog.to_regclass($1) AND conname = $2', [qualified(t), name]);
  const oid = r.rows[0]?.oid;
  if (oid === undefined) return [];
  const blocks = await dependents(db, 'pg_catalog.pg_constraint', Number(oid), 0, 'n');
  return blocks.length > 0 ? [`depended on by ${blocks.join(', ')} (it cannot be dropped while they remain)`] : [];
}

async function enumFacts(db: Queryable, e: QualifiedName): Promise<string[]> {
  const r = await db.query<{ oid: number | null }>('SELECT pg_catalog.to_regtype($1)::oid::int8 AS oid', [qualified(e)]);
  const oid = r.rows[0]?.oid;
  if (oid === null || oid === undefined) return [];
  const blocks = await dependents(db, 'pg_catalog.pg_type', Number(oid), 0, 'n');
  return blocks.length > 0 ? [`used by ${blocks.join(', ')} (it cannot be dropped while they remain)`] : [];
}

/** For each drop, what it would destroy, one clause each (empty when nothing could be said). */
export async function dropFacts(db: Queryable, drops: readonly Change[]): Promise<Map<Change, string[]>> {
  const out = new Map<Change, string[]>();
  for (const c of drops) {
    switch (c.kind) {
      case 'extra-column':
        out.set(c, await columnFacts(db, c.table, c.column));
        break;
      case 'extra-table':
        out.set(c, await tableFacts(db, c.table));
        break;
      case 'extra-enum':
        out.set(c, await enumFacts(db, c.enum));
        break;
      case 'extra-constraint':
        out.set(c, c.objectKind === 'index' ? await indexFacts(db, c.table, c.name) : await constraintFacts(db, c.table, c.name));
        break;
      default:
        break;
    }
  }
  return out;
}
