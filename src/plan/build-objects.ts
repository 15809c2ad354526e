/**
 * Statements for missing schemas, extensions, enums, sequences, tables and columns.
 */
import type { Change } from '../diff/changes.js';
import type { Column, QualifiedName, Sequence, Table, Unique } from '../model/types.js';
import { columnDefinition, createTableSql, uniqueClause } from '../render/ddl.js';
import { displayName } from '../render/model-text.js';
import { ident, literal, qualified } from '../render/quote.js';
import { built, holdsRows, statement, type BuildContext, type Built } from './build-context.js';
import { constraintExists, needed, regclass } from './sql.js';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;

const show = (q: QualifiedName): string => displayName(q.schema, q.name);

export function missingSchema(c: Of<'missing-schema'>): Built {
  return built([statement(c, { phase: 'schemas', description: `create schema ${c.schema}`, sql: `CREATE SCHEMA IF NOT EXISTS ${ident(c.schema)}` })]);
}

export function missingExtension(c: Of<'missing-extension'>): Built {
  return built([
    statement(c, {
      phase: 'extensions',
      description: `create extension ${c.extension.name}`,
      sql: `CREATE EXTENSION IF NOT EXISTS ${ident(c.extension.name)} SCHEMA ${ident(c.extension.schema)}`,
    }),
  ]);
}

export function missingEnum(c: Of<'missing-enum'>): Built {
  const q = { schema: c.enum.schema, name: c.enum.name };
  return built([
    statement(c, {
      phase: 'types',
      description: `create enum ${show(q)}`,
      sql: `CREATE TYPE ${qualified(q)} AS ENUM (${c.enum.labels.map(literal).join(', ')})`,
      guard: needed(`pg_catalog.to_regtype(${literal(qualified(q))}) IS NULL`),
    }),
  ]);
}

export function missingEnumValue(c: Of<'missing-enum-value'>): Built {
  const position = c.after !== null ? ` AFTER ${literal(c.after)}` : c.before !== null ? ` BEFORE ${literal(c.before)}` : '';
  return built([
    statement(c, {
      phase: 'types',
      description: `add value ${JSON.stringify(c.value)} to enum ${show(c.enum)}`,
      sql: `ALTER TYPE ${qualified(c.enum)} ADD VALUE IF NOT EXISTS ${literal(c.value)}${position}`,
      // A new label cannot be used in the transaction that adds it: commit it on its own.
      transactional: false,
    }),
  ]);
}

export function sequenceSql(s: Sequence): string {
  return (
    `CREATE SEQUENCE IF NOT EXISTS ${qualified(s)} AS ${s.type} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max}` +
    ` START WITH ${s.start} CACHE ${s.cache}${s.cycle ? ' CYCLE' : ' NO CYCLE'}`
  );
}

export function missingSequence(c: Of<'missing-sequence'>): Built {
  const s = c.sequence;
  const statements = [statement(c, { phase: 'sequences', description: `create sequence ${show(s)}`, sql: sequenceSql(s) })];
  if (s.ownedBy) {
    statements.push(
      statement(c, {
        // After the columns phase: the owning column may be one this plan adds.
        phase: 'fixes',
        description: `sequence ${show(s)} owned by ${show(s.ownedBy.table)}.${s.ownedBy.column}`,
        sql: `ALTER SEQUENCE ${qualified(s)} OWNED BY ${qualified(s.ownedBy.table)}.${ident(s.ownedBy.column)}`,
      }),
    );
  }
  return built(statements);
}

/**
 * Inside `CREATE TABLE`, PostgreSQL silently drops a UNIQUE constraint that
 * repeats the primary key or an earlier UNIQUE (same columns in the same order,
 * same NULLS NOT DISTINCT and deferrability). Such twins are added apart.
 */
function foldedUniques(t: Table): { inline: Unique[]; apart: Unique[] } {
  const seen: string[] = t.primaryKey ? [JSON.stringify([t.primaryKey.columns, false, t.primaryKey.deferrable, t.primaryKey.initiallyDeferred])] : [];
  const inline: Unique[] = [];
  const apart: Unique[] = [];
  for (const u of t.uniques) {
    const k = JSON.stringify([u.columns, u.nullsNotDistinct, u.deferrable, u.initiallyDeferred]);
    if (seen.includes(k)) apart.push(u);
    else {
      seen.push(k);
      inline.push(u);
    }
  }
  return { inline, apart };
}

export function missingTable(c: Of<'missing-table'>): Built {
  const t: Table = c.table;
  const parent = t.partitionOf?.parent;
  const { inline, apart } = foldedUniques(t);
  return built([
    statement(c, {
      phase: 'tables',
      description: `create table ${show(t)}${parent ? ` as a partition of ${show(parent)}` : ''}`,
      sql: createTableSql({ ...t, uniques: inline }, { ifNotExists: true }),
      // Attaching a partition locks its parent.
      lockLevel: parent ? 'ACCESS EXCLUSIVE' : 'none',
      locks: parent ? [parent] : [],
    }),
    ...apart.map((u) =>
      statement(c, {
        phase: 'keys',
        description: `add unique ${u.name} on ${show(t)} (a twin of another key: CREATE TABLE would fold it)`,
        sql: `ALTER TABLE ${qualified(t)} ADD ${uniqueClause(u)}`,
        guard: needed(`NOT ${constraintExists(t, u.name)}`),
        lockLevel: 'ACCESS EXCLUSIVE',
      }),
    ),
  ]);
}

/** Defaults PostgreSQL must evaluate per row: adding such a column rewrites the table. */
const VOLATILE = /\b(nextval|gen_random_uuid|uuid_generate_v[14]|random|clock_timestamp|timeofday|statement_timestamp|txid_current)\s*\(/i;

export function missingColumn(c: Of<'missing-column'>, ctx: BuildContext): Built {
  const col: Column = c.column;
  const rows = holdsRows(ctx, c.table);
  const rewrites = rows && (col.identity !== null || col.generated?.kind === 'stored' || (col.default !== null && VOLATILE.test(col.default)));
  const needsFill = rows && col.notNull && col.default === null && col.identity === null && col.generated === null;
  // The constant its migration added it with (then dropped): the rows get it, as they did where the migration ran.
  const fill = needsFill ? (ctx.migrationDefaults?.get(JSON.stringify([c.table.schema, c.table.name, col.name])) ?? null) : null;
  const cannotBeNotNull = needsFill && fill === null;
  const where = `${show(c.table)}.${col.name}`;
  const notes = cannotBeNotNull
    ? [
        {
          level: 'warning' as const,
          message:
            `column ${where} is declared NOT NULL without a default, and the table holds rows: it is added as nullable. ` +
            `Backfill it (UPDATE ${qualified(c.table)} SET ${ident(col.name)} = ... in batches), then run reconcile again to set NOT NULL safely.`,
          source: c,
        },
      ]
    : [];
  const add = statement(c, {
    phase: 'columns',
    description: `add column ${where}${cannotBeNotNull ? ' (nullable until backfilled)' : fill !== null ? ` (rows get ${fill}, the default its migration added it with)` : ''}`,
    sql: `ALTER TABLE ${qualified(c.table)} ADD COLUMN IF NOT EXISTS ${columnDefinition(fill !== null ? { ...col, default: fill } : col, { notNull: col.notNull && !cannotBeNotNull })}`,
    lockLevel: 'ACCESS EXCLUSIVE',
    locks: [c.table],
    duration: rewrites ? 'long' : 'brief',
    hazards: rewrites
      ? [{ kind: 'rewrite', message: `adding ${where} fills every existing row (volatile default, identity or stored generated column): the table is rewritten under an ACCESS EXCLUSIVE lock` }]
      : [],
  });
  if (fill === null) return built([add], notes);
  return built([
    add,
    statement(c, {
      phase: 'columns',
      description: `drop the default of ${where} again (the model has none, as after its migration)`,
      sql: `ALTER TABLE ${qualified(c.table)} ALTER COLUMN ${ident(col.name)} DROP DEFAULT`,
      guard: needed(`EXISTS (SELECT 1 FROM pg_catalog.pg_attrdef d JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = ${regclass(c.table)} AND a.attname = ${literal(col.name)})`),
      lockLevel: 'ACCESS EXCLUSIVE',
      locks: [c.table],
    }),
  ]);
}
