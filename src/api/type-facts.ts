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
import { columnKey, type ColumnDependent, type DependentIndex, type DomainFact, type TypeFacts } from '../plan/type-facts.js';
import type { PlanOptions } from '../plan/types.js';
import { findUsing } from '../plan/using.js';
import { sequenceFactKey } from '../plan/build-sequences.js';
import { ident, qualified } from '../render/quote.js';
import { keySql } from '../objects/sql.js';

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

/**
 * What depends on each changed column (of the table or of any table in its partition tree, which
 * the ALTER recurses to) such that PostgreSQL refuses the type change: views and rules
 * (pg_rewrite), policies, triggers, routines with a SQL-standard body, publication row filters,
 * generated columns of the same table; and the partition key. Registry objects get their key.
 */
const DEPENDENTS_SQL = `
WITH k AS (SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(tbl, col, i)),
cols AS (
  SELECT k.i, a.attrelid, a.attnum, a.attname
  FROM k
  JOIN pg_catalog.pg_attribute a ON a.attrelid = pg_catalog.to_regclass(k.tbl) AND a.attname = k.col AND NOT a.attisdropped
),
tree AS (
  SELECT cols.i, cols.attrelid AS root, ca.attrelid, ca.attnum
  FROM cols
  JOIN pg_catalog.pg_attribute ca ON ca.attname = cols.attname AND NOT ca.attisdropped
   AND ca.attrelid IN (SELECT p.relid FROM pg_catalog.pg_partition_tree(cols.attrelid) p UNION SELECT cols.attrelid)
)
SELECT tree.i,
       CASE d.classid
         WHEN 'pg_catalog.pg_rewrite'::regclass THEN (
           SELECT CASE WHEN r.rulename = '_RETURN' AND rc.relkind IN ('v', 'm') THEN ${keySql('view', ['rn.nspname', 'rc.relname'])}
                       ELSE ${keySql('rule', ['rn.nspname', 'rc.relname', 'r.rulename'])} END
           FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class rc ON rc.oid = r.ev_class JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
           WHERE r.oid = d.objid)
         WHEN 'pg_catalog.pg_policy'::regclass THEN (
           SELECT ${keySql('policy', ['pn.nspname', 'pc.relname', 'p.polname'])}
           FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class pc ON pc.oid = p.polrelid JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
           WHERE p.oid = d.objid)
         WHEN 'pg_catalog.pg_trigger'::regclass THEN (
           SELECT ${keySql('trigger', ['tn.nspname', 'tc.relname', 't.tgname'])}
           FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class tc ON tc.oid = t.tgrelid JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
           WHERE t.oid = d.objid AND t.tgparentid = 0)
         WHEN 'pg_catalog.pg_proc'::regclass THEN (
           SELECT CASE WHEN fp.prokind = 'a' THEN ${keySql('aggregate', ['fn.nspname', 'fp.proname', 'pg_catalog.oidvectortypes(fp.proargtypes)'])}
                       ELSE ${keySql('function', ['fn.nspname', 'fp.proname', 'pg_catalog.oidvectortypes(fp.proargtypes)'])} END
           FROM pg_catalog.pg_proc fp JOIN pg_catalog.pg_namespace fn ON fn.oid = fp.pronamespace
           WHERE fp.oid = d.objid)
       END AS key,
       CASE WHEN d.classid IN ('pg_catalog.pg_attrdef'::regclass, 'pg_catalog.pg_class'::regclass)
            THEN (SELECT 'read by generated column ' || pg_catalog.quote_ident(ga.attname) || ' of ' || pg_catalog.quote_ident(gn.nspname) || '.' || pg_catalog.quote_ident(gc.relname)
                  FROM pg_catalog.pg_attribute ga JOIN pg_catalog.pg_class gc ON gc.oid = ga.attrelid JOIN pg_catalog.pg_namespace gn ON gn.oid = gc.relnamespace
                  WHERE ga.attrelid = tree.attrelid
                    AND ga.attnum = CASE WHEN d.classid = 'pg_catalog.pg_class'::regclass THEN d.objsubid ELSE (SELECT ad.adnum FROM pg_catalog.pg_attrdef ad WHERE ad.oid = d.objid) END)
            -- A view's query is its _RETURN rule: named as the view.
            WHEN d.classid = 'pg_catalog.pg_rewrite'::regclass THEN 'used by ' || (
              SELECT pg_catalog.pg_describe_object(CASE WHEN r.rulename = '_RETURN' THEN 'pg_catalog.pg_class'::regclass ELSE d.classid END, CASE WHEN r.rulename = '_RETURN' THEN r.ev_class ELSE d.objid END, 0)
              FROM pg_catalog.pg_rewrite r WHERE r.oid = d.objid)
            ELSE 'used by ' || pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid) END AS what,
       CASE WHEN d.classid IN ('pg_catalog.pg_attrdef'::regclass, 'pg_catalog.pg_class'::regclass) THEN 'generated'
            WHEN d.classid = 'pg_catalog.pg_publication_rel'::regclass THEN 'other'
            ELSE 'object' END AS cause
FROM tree
JOIN pg_catalog.pg_depend d ON d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = tree.attrelid AND d.refobjsubid = tree.attnum
WHERE d.classid IN ('pg_catalog.pg_rewrite'::regclass, 'pg_catalog.pg_policy'::regclass, 'pg_catalog.pg_trigger'::regclass,
                    'pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_publication_rel'::regclass)
   -- A default that reads another column of its table is a generated column's expression.
   -- (from PostgreSQL 15 its pg_attrdef row depends on the column; before, the generated column itself does).
   OR (d.classid = 'pg_catalog.pg_attrdef'::regclass AND EXISTS (SELECT 1 FROM pg_catalog.pg_attrdef o WHERE o.oid = d.objid AND o.adnum <> tree.attnum))
   OR (d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = tree.attrelid AND d.objsubid NOT IN (0, tree.attnum))
UNION ALL
SELECT cols.i, NULL, 'part of the partition key of ' || pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(pc.relname), 'partition-key'
FROM cols
JOIN pg_catalog.pg_partitioned_table pt ON pt.partrelid = cols.attrelid AND cols.attnum = ANY (pt.partattrs::int2[])
JOIN pg_catalog.pg_class pc ON pc.oid = pt.partrelid
JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
ORDER BY 1, 3`;

/** The parent a type-changed column is inherited from (attinhcount > 0): the first parent that has it. */
const INHERITED_SQL = `
SELECT k.i, pn.nspname AS schema, pc.relname AS name
FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(tbl, col, i)
JOIN pg_catalog.pg_attribute a ON a.attrelid = pg_catalog.to_regclass(k.tbl) AND a.attname = k.col AND NOT a.attisdropped AND a.attinhcount > 0
JOIN LATERAL (
  SELECT h.inhparent FROM pg_catalog.pg_inherits h
  JOIN pg_catalog.pg_attribute pa ON pa.attrelid = h.inhparent AND pa.attname = k.col AND NOT pa.attisdropped
  WHERE h.inhrelid = a.attrelid ORDER BY h.inhseqno LIMIT 1) p ON true
JOIN pg_catalog.pg_class pc ON pc.oid = p.inhparent
JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace`;

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
  const columns = [typeChanges.map((c) => qualified(c.table)), typeChanges.map((c) => c.column)];
  const [deps, inh] = await Promise.all([
    db.query<{ i: string; key: string | null; what: string; cause: ColumnDependent['cause'] }>(DEPENDENTS_SQL, columns),
    db.query<{ i: string; schema: string; name: string }>(INHERITED_SQL, columns),
  ]);
  const dependents = new Map<string, ColumnDependent[]>();
  for (const r of deps.rows) {
    const c = typeChanges[Number(r.i) - 1]!;
    const k = columnKey(c.table, c.column);
    const list = dependents.get(k) ?? [];
    // A trigger cloned onto a partition has no key of its own: the parent's trigger (listed too) stands for it.
    if (r.cause === 'object' && r.key === null && r.what.startsWith('used by trigger ')) continue;
    if (!list.some((x) => x.what === r.what)) list.push({ key: r.key, what: r.what, cause: r.cause });
    dependents.set(k, list);
  }
  const inheritedFrom = new Map<string, QualifiedName>();
  for (const r of inh.rows) {
    const c = typeChanges[Number(r.i) - 1]!;
    inheritedFrom.set(columnKey(c.table, c.column), { schema: r.schema, name: r.name });
  }
  return { domains, castErrors, indexes, keys, sequenceValues, dependents, inheritedFrom };
}
