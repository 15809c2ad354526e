/**
 * Facts the planner needs for column type changes, read from the live database
 * (plan/type-facts.ts): which types are domains, whether PostgreSQL accepts the
 * conversion (`CAST(expression AS type)` parsed against the table, no row read),
 * the indexes that depend on each changed column, and primary keys for labels.
 * Three batched catalog queries, plus one parse check per type change; and the
 * current values of sequences whose bounds change.
 */
import type { Queryable } from '../db/pool.js';
import type { Change } from '../diff/changes.js';
import type { QualifiedName, Schema } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import { columnKey, type DependentIndex, type DomainFact, type TypeFacts } from '../plan/type-facts.js';
import type { PlanOptions } from '../plan/types.js';
import { findUsing } from '../plan/using.js';
import { sequenceFactKey } from '../plan/build-sequences.js';
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

type SequenceChange = Extract<Change, { kind: 'sequence-differs' | 'identity-options-differ' }>;

/** The schema and name of each identity column's sequence. */
const IDENTITY_SEQUENCES_SQL = `
SELECT k.i, n.nspname AS schema, c.relname AS name
FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(tbl, col, i)
JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.pg_get_serial_sequence(k.tbl, k.col)::regclass
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace`;

/**
 * The `last_value` of the sequences whose bounds a change may narrow (see
 * plan/build-sequences.ts): one query for the identity sequences' names, one
 * for every value (a sequence's value is read from the sequence itself).
 */
async function readSequenceValues(db: Queryable, changes: readonly Change[]): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  const wanted = changes.filter(
    (c): c is SequenceChange => (c.kind === 'sequence-differs' || c.kind === 'identity-options-differ') && c.aspects.some((a) => a === 'type' || a === 'min' || a === 'max'),
  );
  if (wanted.length === 0) return values;
  const targets: { key: string; sequence: QualifiedName }[] = [];
  const identities = wanted.filter((c): c is Extract<SequenceChange, { kind: 'identity-options-differ' }> => c.kind === 'identity-options-differ');
  for (const c of wanted) if (c.kind === 'sequence-differs') targets.push({ key: sequenceFactKey(c), sequence: c.sequence });
  if (identities.length > 0) {
    const r = await db.query<{ i: string; schema: string; name: string }>(IDENTITY_SEQUENCES_SQL, [identities.map((c) => qualified(c.table)), identities.map((c) => c.column)]);
    for (const row of r.rows) {
      const c = identities[Number(row.i) - 1]!;
      targets.push({ key: sequenceFactKey(c), sequence: { schema: row.schema, name: row.name } });
    }
  }
  if (targets.length === 0) return values;
  const sql = targets.map((x, i) => `SELECT ${i + 1} AS i, last_value::text AS v FROM ${qualified(x.sequence)}`).join(' UNION ALL ');
  const r = await db.query<{ i: number; v: string }>(sql);
  for (const row of r.rows) values.set(targets[Number(row.i) - 1]!.key, row.v);
  return values;
}

export async function readTypeFacts(db: Queryable, changes: readonly Change[], live: Schema, options: PlanOptions): Promise<TypeFacts> {
  const typeChanges = changes.filter((c): c is TypeChange => c.kind === 'column-type-differs');
  const domains = new Map<string, DomainFact>();
  const castErrors = new Map<string, string>();
  const indexes = new Map<string, DependentIndex[]>();
  const keys = new Map<string, readonly string[]>();
  const sequenceValues = await readSequenceValues(db, changes);
  if (typeChanges.length === 0) return { domains, castErrors, indexes, keys, sequenceValues };

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
  return { domains, castErrors, indexes, keys, sequenceValues };
}
