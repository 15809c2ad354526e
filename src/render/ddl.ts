/**
 * DDL text for model objects. Every identifier goes through quote.ts; types,
 * defaults and expressions are PostgreSQL's own text from the catalog.
 */
import type { Check, Column, ForeignKey, Index, KeyIndexOptions, PrimaryKey, QualifiedName, SequenceOptions, Table, Unique } from '../model/types.js';
import { ident, identList, qualified, storageParameters } from './quote.js';

function timing(d: { deferrable: boolean; initiallyDeferred: boolean }): string {
  if (!d.deferrable) return '';
  return d.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
}

const TYPE_BOUNDS: Record<string, readonly [string, string]> = {
  smallint: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  bigint: ['-9223372036854775808', '9223372036854775807'],
};

/**
 * ` (START WITH 1000 INCREMENT BY 7)`: the options of an identity sequence that
 * differ from what PostgreSQL gives one of its type by default ('' when none).
 */
export function identityOptionsSql(o: SequenceOptions): string {
  const bounds = TYPE_BOUNDS[o.type];
  const up = !o.increment.startsWith('-');
  const [defMin, defMax] = up ? ['1', bounds?.[1]] : [bounds?.[0], '-1'];
  const parts: string[] = [];
  const num = (v: string): string => {
    if (!/^-?\d+$/.test(v)) throw new Error(`not a sequence number: ${JSON.stringify(v)}`);
    return v;
  };
  if (o.increment !== '1') parts.push(`INCREMENT BY ${num(o.increment)}`);
  if (o.min !== defMin) parts.push(`MINVALUE ${num(o.min)}`);
  if (o.max !== defMax) parts.push(`MAXVALUE ${num(o.max)}`);
  if (o.start !== (up ? o.min : o.max)) parts.push(`START WITH ${num(o.start)}`);
  if (o.cache !== '1') parts.push(`CACHE ${num(o.cache)}`);
  if (o.cycle) parts.push('CYCLE');
  return parts.length > 0 ? ` (${parts.join(' ')})` : '';
}

export function columnDefinition(c: Column, options: { notNull?: boolean } = {}): string {
  let sql = `${ident(c.name)} ${c.type}`;
  if (c.collation) sql += ` COLLATE ${c.collation}`;
  if (c.generated) sql += ` GENERATED ALWAYS AS (${c.generated.expression})${c.generated.kind === 'stored' ? ' STORED' : ' VIRTUAL'}`;
  if (c.identity) sql += ` GENERATED ${c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${c.identitySequence ? identityOptionsSql(c.identitySequence) : ''}`;
  if (c.default !== null && !c.generated && !c.identity) sql += ` DEFAULT ${c.default}`;
  if (options.notNull ?? c.notNull) sql += ' NOT NULL';
  return sql;
}

/** ` INCLUDE (...) WITH (...)` of a key's index, where it has them. */
function keyIndexParameters(k: KeyIndexOptions): string {
  const include = k.include && k.include.length > 0 ? ` INCLUDE (${identList(k.include)})` : '';
  const storage = k.storage && k.storage.length > 0 ? ` WITH (${storageParameters(k.storage)})` : '';
  return `${include}${storage}`;
}

export function primaryKeyClause(pk: PrimaryKey): string {
  return `CONSTRAINT ${ident(pk.name)} PRIMARY KEY (${identList(pk.columns)})${keyIndexParameters(pk)}${timing(pk)}`;
}

export function uniqueClause(u: Unique): string {
  return `CONSTRAINT ${ident(u.name)} UNIQUE${u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${identList(u.columns)})${keyIndexParameters(u)}${timing(u)}`;
}

export function checkClause(c: Check): string {
  return `CONSTRAINT ${ident(c.name)} ${c.expression}${c.noInherit ? ' NO INHERIT' : ''}`;
}

const ACTION_SQL: Record<ForeignKey['onDelete'], string> = {
  'no action': 'NO ACTION',
  restrict: 'RESTRICT',
  cascade: 'CASCADE',
  'set null': 'SET NULL',
  'set default': 'SET DEFAULT',
};

export function foreignKeyClause(fk: ForeignKey, name: string = fk.name): string {
  let sql = `CONSTRAINT ${ident(name)} FOREIGN KEY (${identList(fk.columns)}) REFERENCES ${qualified(fk.references)} (${identList(fk.referencedColumns)})`;
  if (fk.match === 'full') sql += ' MATCH FULL';
  if (fk.onUpdate !== 'no action') sql += ` ON UPDATE ${ACTION_SQL[fk.onUpdate]}`;
  if (fk.onDelete !== 'no action') {
    sql += ` ON DELETE ${ACTION_SQL[fk.onDelete]}`;
    if (fk.onDeleteSetColumns.length > 0) sql += ` (${identList(fk.onDeleteSetColumns)})`;
  }
  return sql + timing(fk);
}

export interface IndexSqlOptions {
  readonly concurrently?: boolean;
  readonly ifNotExists?: boolean;
  readonly name?: string;
  /** `ON ONLY`: on a partitioned table, the parent's index alone (invalid until every partition's is attached). */
  readonly only?: boolean;
}

/** One key of an index: column or expression, collation, opclass, order. */
function indexKeySql(k: Index['keys'][number]): string {
  const parts = [k.column !== null ? ident(k.column) : `(${k.expression ?? ''})`];
  if (k.collation) parts.push(`COLLATE ${k.collation}`);
  if (k.opclass) parts.push(k.opclass);
  if (k.descending) parts.push('DESC');
  if (k.descending && !k.nullsFirst) parts.push('NULLS LAST');
  if (!k.descending && k.nullsFirst) parts.push('NULLS FIRST');
  return parts.join(' ');
}

/**
 * `CREATE INDEX` from an index's parts. Built with `join`, so the result is one
 * flat string (the introspector keeps one per index in the model).
 */
export function createIndexSql(
  table: QualifiedName,
  ix: Pick<Index, 'name' | 'method' | 'unique' | 'nullsNotDistinct' | 'keys' | 'include' | 'predicate' | 'storage'>,
  options: IndexSqlOptions = {},
): string {
  const sql = [
    'CREATE ',
    ix.unique ? 'UNIQUE ' : '',
    'INDEX ',
    options.concurrently ? 'CONCURRENTLY ' : '',
    options.ifNotExists ? 'IF NOT EXISTS ' : '',
    ident(options.name ?? ix.name),
    ' ON ',
    options.only ? 'ONLY ' : '',
    qualified(table),
    ' USING ',
    ix.method,
    ' (',
    ix.keys.map(indexKeySql).join(', '),
    ')',
  ];
  if (ix.include.length > 0) sql.push(' INCLUDE (', identList(ix.include), ')');
  if (ix.nullsNotDistinct) sql.push(' NULLS NOT DISTINCT');
  if (ix.storage.length > 0) sql.push(' WITH (', storageParameters(ix.storage), ')');
  if (ix.predicate) sql.push(' WHERE ', ix.predicate);
  return sql.join('');
}

/** `CREATE TABLE` with columns, primary key, uniques, checks and exclusions inline; foreign keys apart. */
export function createTableSql(t: Table, options: { ifNotExists?: boolean } = {}): string {
  const head = `CREATE TABLE ${options.ifNotExists ? 'IF NOT EXISTS ' : ''}${qualified(t)}`;
  // A partition that is itself partitioned (a second level) keeps its own key.
  const partitionBy = t.kind === 'partitioned' && t.partitionKey ? ` PARTITION BY ${t.partitionKey}` : '';
  if (t.partitionOf) {
    return `${head} PARTITION OF ${qualified(t.partitionOf.parent)} ${t.partitionOf.bound}${partitionBy}`;
  }
  const items = [
    ...t.columns.map((c) => columnDefinition(c)),
    ...(t.primaryKey ? [primaryKeyClause(t.primaryKey)] : []),
    ...t.uniques.map(uniqueClause),
    ...t.checks.map(checkClause),
    ...t.exclusions.map((x) => `CONSTRAINT ${ident(x.name)} ${x.definition}`),
  ];
  const body = items.length > 0 ? ` (\n  ${items.join(',\n  ')}\n)` : ' ()';
  return `${head}${body}${partitionBy}`;
}

/** The whole table as DDL, for reading and for unified diffs. */
export function tableDdl(t: Table): string {
  const lines = [createTableSql(t) + ';'];
  for (const fk of t.foreignKeys) lines.push(`ALTER TABLE ${qualified(t)} ADD ${foreignKeyClause(fk)};`);
  for (const ix of t.indexes) if (ix.constraint === null) lines.push(createIndexSql(t, ix) + ';');
  return lines.join('\n') + '\n';
}
