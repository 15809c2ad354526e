/**
 * Facts the planner needs for column type changes, read from the live database
 * (plan/type-facts.ts): which types are domains, whether PostgreSQL accepts the
 * conversion (`CAST(expression AS type)` parsed against the table, no row read),
 * the indexes that depend on each changed column, and primary keys for labels.
 * Three batched catalog queries, plus one parse check per type change.
 */
import type { Queryable } from '../db/pool.js';
import type { Change } from '../diff/changes.js';
import type { Schema } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import { columnKey, type DependentIndex, type DomainFact, type TypeFacts } from '../plan/type-facts.js';
import type { PlanOptions } from '../plan/types.js';
import { findUsing } from '../plan/using.js';
import { ident, qualified } from '../render/quote.js';

type TypeChange = Extract<Change, { kind: 'column-type-differs' }>;

const DOMAINS_SQL = `
SELECT t.name, d.typtype = 'd' AS is_domain,
       pg_catalog.format_type(d.typbasetype, d.typtypmod) AS base,
       (d.typnotnull OR EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.contypid = d.oid)) AS constrained
FROM unnest($1::text[]) AS t(name)
JOIN pg_catalog.pg_type d ON d.oid = pg_catalog.to_regtype(t.name)`;

const INDEXES_SQL = `
SELECT k.i, ic.relname AS name, i.indisunique AS is_unique, ic.relkind = 'I' AS partitioned,
       EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x')) AS is_constraint
FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(tbl, col, i)
JOIN pg_catalog.pg_attribute a ON a.attrelid = pg_catalog.to_regclass(k.tbl) AND a.attname = k.col AND NOT a.attisdropped
JOIN pg_catalog.pg_index i ON i.indrelid = a.attrelid
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
WHERE a.attnum = ANY (i.indkey::int2[])
   OR EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
              WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = i.indexrelid
                AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum)
ORDER BY k.i, ic.relname`;

interface PgError {
  code?: string;
  message?: string;
}

export async function readTypeFacts(db: Queryable, changes: readonly Change[], live: Schema, options: PlanOptions): Promise<TypeFacts> {
  const typeChanges = changes.filter((c): c is TypeChange => c.kind === 'column-type-differs');
  const domains = new Map<string, DomainFact>();
  const castErrors = new Map<string, string>();
  const indexes = new Map<string, DependentIndex[]>();
  const keys = new Map<string, readonly string[]>();
  if (typeChanges.length === 0) return { domains, castErrors, indexes, keys };

  const types = [...new Set(typeChanges.flatMap((c) => [c.declared.type, c.live.type]))];
  const known = new Set<string>();
  const rows = await db.query<{ name: string; is_domain: boolean; base: string; constrained: boolean }>(DOMAINS_SQL, [types]);
  for (const r of rows.rows) {
    known.add(r.name);
    if (r.is_domain) domains.set(r.name, { base: r.base, constrained: r.constrained });
  }

  const tables = new Map(live.tables.map((t) => [qualifiedKey(t), t]));
  for (const c of typeChanges) {
    const table = tables.get(qualifiedKey(c.table));
    if (table?.primaryKey) keys.set(qualifiedKey(c.table), table.primaryKey.columns);
  }

  for (const c of typeChanges) {
    // A declared type the live database lacks is created by the plan: nothing to check against yet.
    if (c.declared.type === c.live.type || !known.has(c.declared.type)) continue;
    const given = findUsing(options.using, c.table, c.column);
    const expression = given ? `(${given.expression})` : ident(c.column);
    try {
      // Parsed and planned against the table, no row read; a parameter keeps it to one statement.
      await db.query(`SELECT CAST(${expression} AS ${c.declared.type}) FROM ${qualified(c.table)} LIMIT $1::int`, [0]);
    } catch (e) {
      const err = e as PgError;
      castErrors.set(columnKey(c.table, c.column), (err.message ?? String(e)).split('\n')[0] ?? '');
    }
  }

  const idx = await db.query<{ i: string; name: string; is_unique: boolean; partitioned: boolean; is_constraint: boolean }>(INDEXES_SQL, [
    typeChanges.map((c) => qualified(c.table)),
    typeChanges.map((c) => c.column),
  ]);
  for (const r of idx.rows) {
    const c = typeChanges[Number(r.i) - 1]!;
    const k = columnKey(c.table, c.column);
    const model = tables.get(qualifiedKey(c.table))?.indexes.find((x) => x.name === r.name) ?? null;
    const list = indexes.get(k) ?? [];
    list.push({ name: r.name, unique: r.is_unique, constraint: r.is_constraint, partitioned: r.partitioned, index: model });
    indexes.set(k, list);
  }
  return { domains, castErrors, indexes, keys };
}
