/**
 * Bulk catalog queries: one per object kind for the whole database, scoped by
 * `nspname = ANY($1)`. Deparse functions (`pg_get_expr`, `pg_get_indexdef`,
 * `pg_get_constraintdef`) are called only where the raw catalog columns do not
 * already hold the facts (expressions, predicates, checks); plain column
 * indexes and key constraints are assembled from the raw arrays.
 *
 * They must run with `search_path = pg_catalog` so that every name PostgreSQL
 * prints is schema-qualified the same way on every server.
 *
 * Cost notes (measured on 10,000 tables, see bench/README.md): a deparse call
 * that is given a relation (`pg_get_expr(expr, relid)`, `pg_get_constraintdef`,
 * `pg_get_indexdef`) opens that relation, so the first call per table in a
 * backend builds its relcache entry (~25 us). Column defaults cannot refer to
 * columns, so they are deparsed without a relation; only generated columns,
 * checks, exclusions, partition bounds and expression or partial indexes pay
 * it, and the check and index deparse calls share one query (`DEPARSE_SQL`), so
 * one backend builds each relcache entry once instead of two backends building
 * it twice. Referenced FK column names are resolved in memory when the referenced
 * table is read anyway. Sessions run with `jit = off`: per-row subplans make
 * the planner's cost estimates cross `jit_above_cost`, and compiling costs more
 * than these queries.
 */
import { notExtensionMember } from '../objects/sql.js';

export const NAMESPACES_SQL = `
SELECT n.nspname AS name
FROM pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\\_temp\\_%'
  AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
  AND ${notExtensionMember('pg_namespace', 'n')}
ORDER BY n.nspname`;

export const SESSION_SQL = `
SELECT current_setting('server_version_num')::int AS version,
       current_setting('search_path') AS search_path`;

export interface SessionRow {
  version: number;
  search_path: string;
}

export interface RelationRow {
  oid: string;
  schema: string;
  name: string;
  kind: 'r' | 'p' | 'v' | 'm';
  partition_key: string | null;
  parent_schema: string | null;
  parent_name: string | null;
  partition_bound: string | null;
  view_definition: string | null;
}

export const RELATIONS_SQL = `
SELECT c.oid::int8::text AS oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       pn.nspname AS parent_schema, pc.relname AS parent_name,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS view_definition
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_inherits inh ON c.relispartition AND inh.inhrelid = c.oid
LEFT JOIN pg_class pc ON pc.oid = inh.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
WHERE n.nspname = ANY($1)
  AND c.relkind IN ('r', 'p', 'v', 'm')
  AND ${notExtensionMember('pg_class', 'c')}`;

export interface ColumnRow {
  rel: string;
  num: number;
  name: string;
  type: string;
  not_null: boolean;
  identity: 'a' | 'd' | null;
  generated: 's' | 'v' | null;
  expr: string | null;
  /** Null for types without collation. */
  collation_oid: string | null;
  collation: string | null;
}

export const COLUMNS_SQL = `
SELECT a.attrelid::int8::text AS rel, a.attnum AS num, a.attname AS name,
       format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
       NULLIF(a.attidentity, '') AS identity, NULLIF(a.attgenerated, '') AS generated,
       CASE WHEN a.atthasdef THEN pg_get_expr(ad.adbin, CASE WHEN a.attgenerated <> '' THEN ad.adrelid ELSE 0 END) END AS expr,
       NULLIF(a.attcollation, 0)::int8::text AS collation_oid,
       CASE WHEN a.attcollation <> t.typcollation THEN
         CASE WHEN coln.nspname = 'pg_catalog' THEN quote_ident(co.collname)
              ELSE quote_ident(coln.nspname) || '.' || quote_ident(co.collname) END
       END AS collation
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON a.atthasdef AND ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation co ON a.attcollation <> t.typcollation AND co.oid = a.attcollation
LEFT JOIN pg_namespace coln ON coln.oid = co.collnamespace
WHERE n.nspname = ANY($1)
  AND c.relkind IN ('r', 'p')
  AND a.attnum > 0
  AND NOT a.attisdropped`;

export interface ConstraintRow {
  rel: string;
  name: string;
  type: 'p' | 'f' | 'u' | 'c' | 'x';
  deferrable: boolean;
  deferred: boolean;
  validated: boolean;
  no_inherit: boolean;
  /** Column numbers separated by spaces (see `attnums`). */
  keys: string | null;
  /** The rest is for foreign keys only. */
  ref_rel: string | null;
  ref_schema: string | null;
  ref_table: string | null;
  /** Referenced column numbers, resolved in memory through the referenced table's columns. */
  ref_keys: string | null;
  /** Referenced column names, only when the referenced table is outside the schemas read. */
  ref_columns: string[] | null;
  on_update: string | null;
  on_delete: string | null;
  match: string | null;
  set_columns: string | null;
  /** Checks and exclusions only: the key of their text in `DeparseRow`. */
  oid: string | null;
  /** Primary keys, uniques and exclusions only. */
  index_oid: string | null;
}

/** PostgreSQL 15 added `ON DELETE SET NULL (columns)`. */
export function constraintsSql(version: number): string {
  const setCols = version >= 150000 ? "array_to_string(con.confdelsetcols, ' ')" : 'NULL::text';
  return `
SELECT con.conrelid::int8::text AS rel, con.conname AS name, con.contype AS type,
       con.condeferrable AS deferrable, con.condeferred AS deferred,
       con.convalidated AS validated, con.connoinherit AS no_inherit,
       array_to_string(con.conkey, ' ') AS keys,
       CASE WHEN con.contype = 'f' THEN con.confrelid::int8::text END AS ref_rel, fn.nspname AS ref_schema, fc.relname AS ref_table,
       array_to_string(con.confkey, ' ') AS ref_keys,
       CASE WHEN con.contype = 'f' AND NOT fn.nspname = ANY($1) THEN ARRAY(
         SELECT fa.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
         JOIN pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = k.num
         ORDER BY k.ord) END AS ref_columns,
       CASE WHEN con.contype = 'f' THEN con.confupdtype END AS on_update,
       CASE WHEN con.contype = 'f' THEN con.confdeltype END AS on_delete,
       CASE WHEN con.contype = 'f' THEN con.confmatchtype END AS match,
       ${setCols} AS set_columns,
       CASE WHEN con.contype IN ('c', 'x') THEN con.oid::int8::text END AS oid,
       CASE WHEN con.contype IN ('p', 'u', 'x') THEN con.conindid::int8::text END AS index_oid
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class fc ON con.contype = 'f' AND fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE n.nspname = ANY($1)
  AND con.contype IN ('p', 'f', 'u', 'c', 'x')
  AND con.conparentid = 0
  AND c.relkind IN ('r', 'p')`;
}

export interface IndexRow {
  oid: string;
  rel: string;
  name: string;
  method: string;
  unique: boolean;
  valid: boolean;
  nulls_not_distinct: boolean;
  key_count: number;
  /**
   * The `int2vector` and `oidvector` columns in their text form, numbers
   * separated by spaces: split in memory, much cheaper than array parsing.
   */
  keys: string;
  options: string;
  opclasses: string;
  collations: string;
  /** `pg_class.reloptions` of the index (`name=value`), or null. */
  reloptions: string[] | null;
}

/** PostgreSQL 15 added `NULLS NOT DISTINCT`. */
export function indexesSql(version: number): string {
  const nnd = version >= 150000 ? 'i.indnullsnotdistinct' : 'false';
  return `
SELECT i.indexrelid::int8::text AS oid, i.indrelid::int8::text AS rel, ic.relname AS name,
       am.amname AS method, i.indisunique AS unique, i.indisvalid AS valid,
       ${nnd} AS nulls_not_distinct,
       i.indnkeyatts AS key_count, i.indkey::text AS keys, i.indoption::text AS options,
       i.indclass::text AS opclasses, i.indcollation::text AS collations,
       ic.reloptions::text[] AS reloptions
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
WHERE n.nspname = ANY($1)
  AND c.relkind IN ('r', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_inherits pi WHERE pi.inhrelid = i.indexrelid)`;
}

export interface DeparseRow {
  /** `c`: a check or exclusion constraint; `i`: an index with expressions or a predicate. */
  kind: 'c' | 'i';
  oid: string;
  /** `pg_get_constraintdef`, or `pg_get_indexdef` (the whole statement). */
  definition: string;
  /** Indexes with expressions: each key column as PostgreSQL prints it. */
  key_defs: string[] | null;
  /** Partial indexes: the predicate. */
  predicate: string | null;
}

/**
 * Everything that needs PostgreSQL's deparser with a relation context, in one
 * query: checks first, then the indexes, which mostly sit on tables whose
 * relcache entry the checks already built in this backend.
 */
export const DEPARSE_SQL = `
SELECT 'c' AS kind, con.oid::int8::text AS oid, pg_get_constraintdef(con.oid) AS definition,
       NULL::text[] AS key_defs, NULL::text AS predicate
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1)
  AND con.contype IN ('c', 'x')
  AND con.conparentid = 0
  AND c.relkind IN ('r', 'p')
UNION ALL
SELECT 'i', i.indexrelid::int8::text, pg_get_indexdef(i.indexrelid),
       CASE WHEN i.indexprs IS NOT NULL THEN ARRAY(
         SELECT pg_get_indexdef(i.indexrelid, k, false) FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k)
       END,
       CASE WHEN i.indpred IS NOT NULL THEN pg_get_expr(i.indpred, i.indrelid) END
FROM pg_index i
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1)
  AND c.relkind IN ('r', 'p')
  AND (i.indexprs IS NOT NULL OR i.indpred IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM pg_inherits pi WHERE pi.inhrelid = i.indexrelid)`;

export interface OpclassRow {
  oid: string;
  name: string;
  is_default: boolean;
}

/** Operator classes and collations are small catalogs: read whole, resolve in memory. */
export const OPCLASSES_SQL = `
SELECT oc.oid::int8::text AS oid,
       CASE WHEN ocn.nspname = 'pg_catalog' THEN quote_ident(oc.opcname)
            ELSE quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END AS name,
       oc.opcdefault AS is_default
FROM pg_opclass oc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace`;

export interface CollationRow {
  oid: string;
  name: string;
}

export const COLLATIONS_SQL = `
SELECT co.oid::int8::text AS oid,
       CASE WHEN con.nspname = 'pg_catalog' THEN quote_ident(co.collname)
            ELSE quote_ident(con.nspname) || '.' || quote_ident(co.collname) END AS name
FROM pg_collation co JOIN pg_namespace con ON con.oid = co.collnamespace`;

export interface EnumRow {
  schema: string;
  name: string;
  labels: string[];
}

export const ENUMS_SQL = `
SELECT n.nspname AS schema, t.typname AS name,
       array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_enum e ON e.enumtypid = t.oid
WHERE n.nspname = ANY($1)
  AND ${notExtensionMember('pg_type', 't')}
GROUP BY n.nspname, t.typname`;

export interface SequenceRow {
  schema: string;
  name: string;
  type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  owner_schema: string | null;
  owner_table: string | null;
  owner_column: string | null;
  /** Identity sequences only: the owning column (relation OID, attnum); they belong to it, not to `Schema.sequences`. */
  identity_rel: string | null;
  identity_num: number | null;
}

/** Standalone and identity sequences (dependency type `i`) in one query; the latter are attached to their column. */
export const SEQUENCES_SQL = `
SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS type,
       s.seqstart::text AS start, s.seqincrement::text AS increment,
       s.seqmin::text AS min, s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle AS cycle,
       dn.nspname AS owner_schema, dc.relname AS owner_table, da.attname AS owner_column,
       CASE WHEN d.deptype = 'i' THEN d.refobjid::int8::text END AS identity_rel,
       CASE WHEN d.deptype = 'i' THEN d.refobjsubid::int4 END AS identity_num
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
     AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
LEFT JOIN pg_class dc ON dc.oid = d.refobjid
LEFT JOIN pg_namespace dn ON dn.oid = dc.relnamespace
LEFT JOIN pg_attribute da ON da.attrelid = d.refobjid AND da.attnum = d.refobjsubid
WHERE n.nspname = ANY($1)
  AND ${notExtensionMember('pg_class', 'c')}`;

export interface ExtensionRow {
  name: string;
  schema: string;
  version: string;
}

export const EXTENSIONS_SQL = `
SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace`;
