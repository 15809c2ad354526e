/**
 * Words for effects (what a migration did) and differences (how the database
 * differs from what it did), one short line each, for status reports.
 */
import { assertNever, type Change } from '../diff/index.js';
import { describeObject, kindOf, pluralOf } from '../objects/index.js';
import { sequenceOptionsText } from '../diff/sequences.js';
import type { ForeignKey, QualifiedName } from '../model/types.js';
import { displayName } from '../render/model-text.js';

const q = (t: QualifiedName): string => displayName(t.schema, t.name);
const cols = (xs: readonly string[]): string => `(${xs.join(', ')})`;

function deferral(x: { deferrable: boolean; initiallyDeferred: boolean }): string {
  if (!x.deferrable) return 'NOT DEFERRABLE';
  return x.initiallyDeferred ? 'DEFERRABLE INITIALLY DEFERRED' : 'DEFERRABLE INITIALLY IMMEDIATE';
}

const actions = (fk: ForeignKey): string => `ON DELETE ${fk.onDelete.toUpperCase()} ON UPDATE ${fk.onUpdate.toUpperCase()}`;

/** What a migration did, as a noun phrase: `table public.chat_callsession`, `column public.users_user.contact`. */
export function effectText(c: Change): string {
  switch (c.kind) {
    case 'missing-schema':
      return `schema ${c.schema}`;
    case 'missing-extension':
      return `extension ${c.extension.name}`;
    case 'missing-enum':
      return `enum ${q(c.enum)}`;
    case 'missing-enum-value':
      return `value ${JSON.stringify(c.value)} of enum ${q(c.enum)}`;
    case 'missing-sequence':
      return `sequence ${q(c.sequence)}`;
    case 'missing-table':
      return `table ${q(c.table)}`;
    case 'missing-column':
      return `column ${q(c.table)}.${c.column.name}`;
    case 'missing-primary-key':
      return `primary key ${cols(c.primaryKey.columns)} on ${q(c.table)}`;
    case 'missing-foreign-key':
      return `foreign key ${c.foreignKey.name} ${cols(c.foreignKey.columns)} -> ${q(c.foreignKey.references)}`;
    case 'missing-unique':
      return `unique ${c.unique.name} ${cols(c.unique.columns)} on ${q(c.table)}`;
    case 'missing-check':
      return `check ${c.check.name} on ${q(c.table)}`;
    case 'missing-exclusion':
      return `exclusion constraint ${c.exclusion.name} on ${q(c.table)}`;
    case 'missing-index':
      return `index ${c.index.name} on ${q(c.table)}`;
    case 'column-type-differs':
      return `type ${c.declared.type} of ${q(c.table)}.${c.column}`;
    case 'nullability-differs':
      return `${c.declaredNotNull ? 'NOT NULL' : 'DROP NOT NULL'} on ${q(c.table)}.${c.column}`;
    case 'default-differs':
      return `default ${c.declared ?? 'none'} of ${q(c.table)}.${c.column}`;
    case 'identity-differs':
      return `identity of ${q(c.table)}.${c.column}`;
    case 'identity-options-differ':
      return `identity sequence options of ${q(c.table)}.${c.column} (${c.aspects.join(', ')})`;
    case 'sequence-differs':
      return `options of sequence ${q(c.sequence)} (${c.aspects.join(', ')})`;
    case 'generated-differs':
      return `generated expression of ${q(c.table)}.${c.column}`;
    case 'foreign-key-differs':
      return `foreign key ${c.declared.name} on ${q(c.table)} (${c.aspects.join(', ')})`;
    case 'index-differs':
      return `index ${c.declared.name} on ${q(c.table)} (${c.aspects.join(', ')})`;
    case 'constraint-not-validated':
      return `validation of ${c.constraint} on ${q(c.table)}`;
    case 'invalid-index':
      return `index ${c.declared.name} on ${q(c.table)}`;
    case 'name-differs':
      return `rename of ${c.objectKind} ${c.live} to ${c.declared} on ${q(c.table)}`;
    case 'column-order-differs':
      return `column order of ${q(c.table)}`;
    case 'enum-order-differs':
      return `label order of enum ${q(c.enum)}`;
    case 'extra-schema':
      return `drop of schema ${c.schema}`;
    case 'extra-table':
      return `drop of table ${q(c.table)}`;
    case 'extra-column':
      return `drop of column ${q(c.table)}.${c.column}`;
    case 'extra-enum':
      return `drop of enum ${q(c.enum)}`;
    case 'extra-enum-value':
      return `drop of value ${JSON.stringify(c.value)} of enum ${q(c.enum)}`;
    case 'extra-sequence':
      return `drop of sequence ${q(c.sequence)}`;
    case 'extra-constraint':
      return `drop of ${c.objectKind} ${c.name} on ${q(c.table)}`;
    case 'ledger-differs':
      return `ledger rows in ${q(c.ledger)}`;
    case 'missing-object':
      return describeObject(c.object);
    case 'object-differs':
      return `${c.aspects.join(', ')} of ${describeObject(c.declared)}`;
    case 'extra-object':
      return `drop of ${describeObject(c.object)}`;
    default:
      return assertNever(c);
  }
}

/** How the database differs from what the migration made (`c` from `compare(expected, database)`). */
export function differenceText(c: Change): string {
  switch (c.kind) {
    case 'column-type-differs':
      return `${q(c.table)}.${c.column} is ${c.live.type}${c.live.collation ? ` COLLATE ${c.live.collation}` : ''}, not ${c.declared.type}${c.declared.collation ? ` COLLATE ${c.declared.collation}` : ''}`;
    case 'nullability-differs':
      return `${q(c.table)}.${c.column} is ${c.declaredNotNull ? 'nullable, not NOT NULL' : 'NOT NULL, not nullable'}`;
    case 'default-differs':
      return `${q(c.table)}.${c.column} default is ${c.live ?? 'none'}, not ${c.declared ?? 'none'}`;
    case 'identity-differs':
      return `${q(c.table)}.${c.column} identity is ${c.live.identity ?? 'none'}, not ${c.declared.identity ?? 'none'}`;
    case 'identity-options-differ':
      return `identity sequence of ${q(c.table)}.${c.column} has ${sequenceOptionsText(c.live, c.aspects)}, not ${sequenceOptionsText(c.declared, c.aspects)}`;
    case 'sequence-differs':
      return `sequence ${q(c.sequence)} has ${sequenceOptionsText(c.live, c.aspects)}, not ${sequenceOptionsText(c.declared, c.aspects)}`;
    case 'generated-differs':
      return `${q(c.table)}.${c.column} is generated as ${c.live.generated?.expression ?? 'nothing'}, not ${c.declared.generated?.expression ?? 'nothing'}`;
    case 'foreign-key-differs': {
      const parts: string[] = [];
      if (c.aspects.includes('target')) parts.push(`named ${c.live.name} but on ${cols(c.live.columns)} -> ${q(c.live.references)} ${cols(c.live.referencedColumns)}`);
      if (c.aspects.includes('deferrability')) parts.push(`${deferral(c.live)}, not ${deferral(c.declared)}`);
      if (c.aspects.includes('actions')) parts.push(`${actions(c.live)}, not ${actions(c.declared)}`);
      if (c.aspects.includes('match')) parts.push(`MATCH ${c.live.match.toUpperCase()}, not MATCH ${c.declared.match.toUpperCase()}`);
      return `foreign key ${q(c.table)} ${cols(c.declared.columns)} -> ${q(c.declared.references)} is ${parts.join('; ')}`;
    }
    case 'index-differs':
      return `index ${c.declared.name} on ${q(c.table)} differs (${c.aspects.join(', ')})`;
    case 'constraint-not-validated':
      return `${c.objectKind} ${c.constraint} on ${q(c.table)} is NOT VALID`;
    case 'invalid-index':
      return `index ${c.index.name} on ${q(c.table)} is invalid (a failed concurrent build)`;
    case 'name-differs':
      return `${c.objectKind} on ${q(c.table)} is named ${c.live}, not ${c.declared}`;
    case 'missing-schema':
    case 'missing-extension':
    case 'missing-enum':
    case 'missing-enum-value':
    case 'missing-sequence':
    case 'missing-table':
    case 'missing-column':
    case 'missing-primary-key':
    case 'missing-foreign-key':
    case 'missing-unique':
    case 'missing-check':
    case 'missing-exclusion':
    case 'missing-index':
      return `${effectText(c)} missing`;
    case 'extra-schema':
    case 'extra-table':
    case 'extra-column':
    case 'extra-enum':
    case 'extra-enum-value':
    case 'extra-sequence':
    case 'extra-constraint':
      // A removal that did not happen: the effect itself.
      return `${effectText(c).replace(/^drop of /, '')} still present (the migration drops it)`;
    case 'column-order-differs':
    case 'enum-order-differs':
    case 'ledger-differs':
      return effectText(c);
    case 'missing-object':
      return `${effectText(c)} missing`;
    case 'object-differs':
      return `${describeObject(c.declared)} differs (${c.aspects.join(', ')})`;
    case 'extra-object':
      return `${describeObject(c.object)} still present (the migration drops it)`;
    default:
      return assertNever(c);
  }
}

const NOUNS: readonly [RegExp, string, string][] = [
  [/^missing-table$/, 'table', 'tables'],
  [/^missing-column$/, 'column', 'columns'],
  [/^missing-index$/, 'index', 'indexes'],
  [/^missing-foreign-key$/, 'foreign key', 'foreign keys'],
  [/^missing-(unique|check|exclusion|primary-key)$/, 'constraint', 'constraints'],
  [/^missing-(enum|enum-value)$/, 'enum change', 'enum changes'],
  [/^missing-sequence$/, 'sequence', 'sequences'],
  [/^missing-(schema|extension)$/, 'schema or extension', 'schemas or extensions'],
  [/^extra-/, 'drop', 'drops'],
];

/** Singular and plural noun of what a change is about (registry objects by their kind's noun). */
function nounOf(e: Change): readonly [string, string] {
  if (e.kind === 'missing-object') return pluralPair(kindOf(e.object).noun);
  if (e.kind === 'object-differs') return pluralPair(kindOf(e.declared).noun);
  const noun = NOUNS.find(([re]) => re.test(e.kind));
  return noun ? [noun[1], noun[2]] : ['change', 'changes'];
}

function pluralPair(noun: string): readonly [string, string] {
  return [noun === 'row-level security' ? 'row-level security setting' : noun, pluralOf(noun)];
}

/** `2 tables`, `1 column, 2 indexes`: what a list of effects is, counted by kind of object. */
export function summarizeEffects(effects: readonly Change[]): string {
  const counts = new Map<string, { n: number; one: string; many: string }>();
  for (const e of effects) {
    const [one, many] = nounOf(e);
    const c = counts.get(one) ?? { n: 0, one, many };
    c.n++;
    counts.set(one, c);
  }
  return [...counts.values()].map((c) => `${c.n} ${c.n === 1 ? c.one : c.many}`).join(', ');
}
