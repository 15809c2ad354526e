/**
 * SQL building blocks for plans: guards (queries answering `needed`) and
 * preflight checks that count offending rows and stop with a clear message
 * instead of failing blind. Identifiers and values go through quote.ts.
 */
import type { ForeignKey, Index, QualifiedName } from '../model/types.js';
import { ident, literal, qualified } from '../render/quote.js';

export const regclass = (t: QualifiedName): string => `pg_catalog.to_regclass(${literal(qualified(t))})`;

export const needed = (condition: string): string => `SELECT (${condition}) AS needed`;

export function constraintExists(t: QualifiedName, name: string): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = ${regclass(t)} AND conname = ${literal(name)})`;
}

export function constraintValidated(t: QualifiedName, name: string): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = ${regclass(t)} AND conname = ${literal(name)} AND convalidated)`;
}

export function indexExists(schema: string, name: string, valid?: boolean): string {
  const validity = valid === undefined ? '' : valid ? ' AND i.indisvalid' : ' AND NOT i.indisvalid';
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${literal(schema)} AND c.relname = ${literal(name)}${validity})`;
}

export function columnExists(t: QualifiedName, column: string): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass(t)} AND attname = ${literal(column)} AND NOT attisdropped)`;
}

export function columnNullable(t: QualifiedName, column: string): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass(t)} AND attname = ${literal(column)} AND NOT attnotnull AND NOT attisdropped)`;
}

export function columnHasType(t: QualifiedName, column: string, type: string): string {
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass(t)} AND attname = ${literal(column)} AND pg_catalog.format_type(atttypid, atttypmod) = ${literal(type)} AND NOT attisdropped)`;
}

/**
 * A primary key or unique constraint with this name on `t` over exactly these
 * columns, with this deferrability: the definition, not only the name.
 */
export function keyMatches(
  t: QualifiedName,
  key: { name: string; columns: readonly string[]; deferrable: boolean; initiallyDeferred: boolean; include?: readonly string[] },
  kind: 'p' | 'u',
): string {
  // The INCLUDE columns: the index's attributes after its key columns.
  const include =
    `ARRAY(SELECT a.attname::text FROM pg_catalog.pg_index i, unnest(i.indkey::int2[]) WITH ORDINALITY AS k(n, o) ` +
    `JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n WHERE i.indexrelid = c.conindid AND k.o > i.indnkeyatts ORDER BY k.o)`;
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = ${regclass(t)} AND c.contype = ${literal(kind)} AND c.conname = ${literal(key.name)} ` +
    `AND c.condeferrable = ${key.deferrable} AND c.condeferred = ${key.initiallyDeferred} AND ${keyNames('c.conrelid', 'c.conkey')} = ${names(key.columns)}` +
    ` AND ${include} = ${names(key.include ?? [])})`
  );
}

/** A check with this name on `t` whose definition is `expression` (as the model prints it), optionally validated and (NO) INHERIT. */
export function checkMatches(t: QualifiedName, name: string, expression: string, options: { validated?: boolean; noInherit?: boolean } = {}): string {
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = ${regclass(t)} AND c.contype = 'c' AND c.conname = ${literal(name)} ` +
    `AND pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.pg_get_constraintdef(c.oid), ' NOT VALID$', ''), ' NO INHERIT$', '') = ${literal(expression)}${options.validated ? ' AND c.convalidated' : ''}${options.noInherit === undefined ? '' : ` AND ${options.noInherit ? '' : 'NOT '}c.connoinherit`})`
  );
}

/** An exclusion constraint with this name on `t` whose `pg_get_constraintdef` is `definition`. */
export function exclusionMatches(t: QualifiedName, name: string, definition: string): string {
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = ${regclass(t)} AND c.contype = 'x' AND c.conname = ${literal(name)} ` +
    `AND pg_catalog.pg_get_constraintdef(c.oid) = ${literal(definition)})`
  );
}

const names = (arr: readonly string[]): string => `ARRAY[${arr.map(literal).join(', ')}]::text[]`;
const keyNames = (rel: string, keys: string): string =>
  `ARRAY(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY AS k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.num ORDER BY k.ord)`;

const ACTION_CODE: Record<ForeignKey['onDelete'], string> = { 'no action': 'a', restrict: 'r', cascade: 'c', 'set null': 'n', 'set default': 'd' };
const MATCH_CODE: Record<ForeignKey['match'], string> = { simple: 's', full: 'f', partial: 'p' };

/** Some foreign key on `t` behaves exactly as declared (any name), optionally one with this name. */
export function foreignKeyMatches(t: QualifiedName, fk: ForeignKey, options: { name?: string; validated?: boolean } = {}): string {
  const conds = [
    `c.conrelid = ${regclass(t)}`,
    `c.contype = 'f'`,
    `c.confrelid = ${regclass(fk.references)}`,
    `c.confdeltype = ${literal(ACTION_CODE[fk.onDelete])}`,
    `c.confupdtype = ${literal(ACTION_CODE[fk.onUpdate])}`,
    `c.confmatchtype = ${literal(MATCH_CODE[fk.match])}`,
    `c.condeferrable = ${fk.deferrable}`,
    `c.condeferred = ${fk.initiallyDeferred}`,
    `${keyNames('c.conrelid', 'c.conkey')} = ${names(fk.columns)}`,
    `${keyNames('c.confrelid', 'c.confkey')} = ${names(fk.referencedColumns)}`,
  ];
  if (fk.onDeleteSetColumns.length > 0) {
    // ON DELETE SET NULL (col, ...): PostgreSQL 15+, where confdelsetcols exists.
    conds.push(`${keyNames('c.conrelid', 'c.confdelsetcols')} = ${names(fk.onDeleteSetColumns)}`);
  } else if (fk.onDelete === 'set null' || fk.onDelete === 'set default') {
    // Every column, not a column list; the definition text says so on every version (14 has no confdelsetcols).
    conds.push(`pg_catalog.pg_get_constraintdef(c.oid) !~ ${literal('ON DELETE SET (NULL|DEFAULT) \\(')}`);
  }
  if (options.name !== undefined) conds.push(`c.conname = ${literal(options.name)}`);
  if (options.validated) conds.push('c.convalidated');
  return `EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE ${conds.join(' AND ')})`;
}

/**
 * An index with this name on `t` has the declared method, uniqueness, keys (columns
 * or expressions, and INCLUDE columns), operator classes, sort order and predicate.
 * Collations are not checked here; the comparison itself checks them. Storage parameters are.
 */
export function indexMatches(t: QualifiedName, ix: Index): string {
  const opclasses = `ARRAY[${ix.keys.map((k) => literal(k.opclass ?? '')).join(', ')}]::text[]`;
  // int2vector in its text form: cast to int2[] it keeps its zero lower bound, and never equals an ARRAY[...].
  const options = literal(ix.keys.map((k) => (k.descending ? 1 : 0) + (k.nullsFirst ? 2 : 0)).join(' '));
  const keys = [...ix.keys.map((k) => (k.column !== null ? `pg_catalog.quote_ident(${literal(k.column)})` : literal(k.expression ?? ''))), ...ix.include.map((c) => `pg_catalog.quote_ident(${literal(c)})`)];
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = c.relam ` +
    `WHERE i.indrelid = ${regclass(t)} AND c.relname = ${literal(ix.name)} AND am.amname = ${literal(ix.method)} AND i.indisunique = ${ix.unique} ` +
    `AND ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, false) FROM generate_series(1, i.indnatts) AS k ORDER BY k) = ARRAY[${keys.join(', ')}]::text[] ` +
    `AND ARRAY(SELECT CASE WHEN oc.opcdefault THEN '' WHEN ocn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(oc.opcname) ELSE pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END ` +
    `FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(oid, ord) JOIN pg_catalog.pg_opclass oc ON oc.oid = k.oid JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace ORDER BY k.ord) = ${opclasses} ` +
    `AND i.indoption::text = ${options} ` +
    // NULLS NOT DISTINCT (PostgreSQL 15+) as pg_get_indexdef prints it: the column is absent before 15.
    `AND (pg_catalog.pg_get_indexdef(i.indexrelid) ~ '\\) NULLS NOT DISTINCT( |$)') = ${ix.nullsNotDistinct} ` +
    `AND coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '') = ${literal(ix.predicate ?? '')} ` +
    `AND ${indexStorageMatches(t.schema, ix.name, ix.storage)})`
  );
}

/**
 * The index with this name in `schema` has exactly these storage parameters
 * (`pg_class.reloptions`, `name=value`), in any order.
 */
export function indexStorageMatches(schema: string, name: string, storage: readonly string[]): string {
  const want = `ARRAY[${storage.map(literal).join(', ')}]::text[]`;
  const have = `coalesce(c.reloptions, '{}'::text[])`;
  return (
    `EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace ` +
    `WHERE n.nspname = ${literal(schema)} AND c.relname = ${literal(name)} AND c.relkind IN ('i', 'I') AND ${have} @> ${want} AND ${have} <@ ${want})`
  );
}

/** A dollar-quoted body whose tag cannot occur inside it. */
export function dollarQuote(body: string): string {
  let tag = 'reconcile';
  for (let i = 0; body.includes(`$${tag}$`); i++) tag = `reconcile${i}`;
  return `$${tag}$${body}$${tag}$`;
}

/**
 * A `DO` block that counts rows matching `from ... where` and raises a clear
 * error naming the count when there are any.
 */
export function failIfRows(options: { from: string; where: string; message: string; hint: string }): string {
  const body =
    ` DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM ${options.from} WHERE ${options.where}; ` +
    `IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = '23514', MESSAGE = ${literal(options.message + ': ')} || n || ' row(s)', HINT = ${literal(options.hint)}; END IF; END `;
  return `DO ${dollarQuote(body)}`;
}

/** Rows whose foreign key columns point nowhere (MATCH SIMPLE: rows with a NULL key column are exempt). */
export function orphanCondition(fk: ForeignKey, alias = 'child'): string {
  const notNull = fk.columns.map((c) => `${alias}.${ident(c)} IS NOT NULL`);
  const join = fk.columns.map((c, i) => `parent.${ident(fk.referencedColumns[i] ?? c)} = ${alias}.${ident(c)}`);
  const anyNotNull = fk.match === 'full' ? `(${fk.columns.map((c) => `${alias}.${ident(c)} IS NOT NULL`).join(' OR ')})` : notNull.join(' AND ');
  const partialNull =
    fk.match === 'full' && fk.columns.length > 1
      ? ` OR ((${fk.columns.map((c) => `${alias}.${ident(c)} IS NULL`).join(' OR ')}) AND ${anyNotNull})`
      : '';
  return `((${anyNotNull} AND NOT EXISTS (SELECT 1 FROM ${qualified(fk.references)} parent WHERE ${join.join(' AND ')}))${partialNull})`;
}

/** A name of at most 63 bytes: `base` shortened (on a character boundary) to fit the suffix. */
export function derivedName(base: string, suffix: string): string {
  const enc = new TextEncoder();
  let b = base;
  while (enc.encode(b + suffix).length > 63) b = [...b].slice(0, -1).join('');
  return b + suffix;
}
