/**
 * What each migration did, from consecutive snapshots: `compare(after, before)`
 * (the model after the migration plays "declared", the one before plays "live"),
 * so `missing-*` changes are what the migration added and `extra-*` what it removed.
 */
import { changeTable, compare, type Change } from '../diff/index.js';
import type { QualifiedName, Schema } from '../model/types.js';
import { describeObject } from '../objects/index.js';
import { displayName } from '../render/model-text.js';
import type { Declared, Migration } from './types.js';

export interface MigrationEffects {
  readonly migration: Migration;
  readonly changes: readonly Change[];
}

/** Needs a `Declared` loaded with `snapshots: true`. */
export function migrationEffects(declared: Pick<Declared, 'snapshots' | 'baseline'>): MigrationEffects[] {
  let before: Schema | null = declared.baseline;
  return declared.snapshots.map(({ migration, after }) => {
    const changes = before ? compare(after, before) : [];
    before = after;
    return { migration, changes };
  });
}

const name = (q: QualifiedName): string => displayName(q.schema, q.name);
const n = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;

/** One line per change, `+` added, `-` removed, `~` altered. */
export function describeChange(c: Change): string {
  switch (c.kind) {
    case 'missing-schema':
      return `+ schema ${c.schema}`;
    case 'missing-extension':
      return `+ extension ${c.extension.name}`;
    case 'missing-enum':
      return `+ enum ${name(c.enum)} (${c.enum.labels.join(', ')})`;
    case 'missing-enum-value':
      return `+ enum value ${name(c.enum)} ${JSON.stringify(c.value)}`;
    case 'missing-sequence':
      return `+ sequence ${name(c.sequence)}`;
    case 'missing-table': {
      const t = c.table;
      const parts = [n(t.columns.length, 'column')];
      if (t.foreignKeys.length) parts.push(n(t.foreignKeys.length, 'foreign key'));
      if (t.uniques.length) parts.push(n(t.uniques.length, 'unique'));
      if (t.checks.length) parts.push(n(t.checks.length, 'check'));
      const own = t.indexes.filter((i) => i.constraint === null).length;
      if (own) parts.push(n(own, 'index'));
      return `+ table ${name(t)} (${parts.join(', ')})`;
    }
    case 'missing-column':
      return `+ column ${name(c.table)}.${c.column.name} ${c.column.type}${c.column.notNull ? ' NOT NULL' : ''}`;
    case 'missing-primary-key':
      return `+ primary key ${c.primaryKey.name} on ${name(c.table)}`;
    case 'missing-foreign-key':
      return `+ foreign key ${c.foreignKey.name} on ${name(c.table)} (${c.foreignKey.columns.join(', ')}) -> ${name(c.foreignKey.references)}`;
    case 'missing-unique':
      return `+ unique ${c.unique.name} on ${name(c.table)} (${c.unique.columns.join(', ')})`;
    case 'missing-check':
      return `+ check ${c.check.name} on ${name(c.table)}`;
    case 'missing-index':
      return `+ index ${c.index.name} on ${name(c.table)}`;
    case 'extra-schema':
      return `- schema ${c.schema}`;
    case 'extra-table':
      return `- table ${name(c.table)}`;
    case 'extra-column':
      return `- column ${name(c.table)}.${c.column}`;
    case 'extra-enum':
      return `- enum ${name(c.enum)}`;
    case 'extra-enum-value':
      return `- enum value ${name(c.enum)} ${JSON.stringify(c.value)}`;
    case 'extra-sequence':
      return `- sequence ${name(c.sequence)}`;
    case 'extra-constraint':
      return `- ${c.objectKind} ${c.name} on ${name(c.table)}`;
    case 'missing-object':
      return `+ ${describeObject(c.object)}`;
    case 'extra-object':
      return `- ${describeObject(c.object)}`;
    case 'object-differs':
      return `~ ${describeObject(c.declared)} (${c.aspects.join(', ')})`;
    default: {
      const table = changeTable(c);
      return `~ ${c.kind.replace(/-/g, ' ')}${table ? ` on ${name(table)}` : ''}`;
    }
  }
}
