/**
 * Which checked effects are evidence that the migration itself ran, as a DBA
 * would read them (src/ledger/README.md, "What counts as evidence"):
 *
 * - `own`: the effect is there as this migration made it, or missing, or
 *   different: it counts.
 * - `earlier`: present, but the database before the migration already held it
 *   (an earlier migration of the source made an equivalent object): no evidence.
 * - `other-object`: present only as an object of another name (an equivalent
 *   index or constraint someone made by hand): no evidence.
 * - `undone`: not visible because a later migration removes it (add a column,
 *   then drop it): nothing to see either way.
 * - `undoes`: a removal of something an earlier migration of the source added
 *   and whose addition is `undone` by this one: the object's absence says
 *   nothing about whether either ran.
 */
import { compare, isInformational, type Change } from '../diff/index.js';
import type { Migration } from '../declared/types.js';
import type { Schema, Table } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import { restrict, slice, type EffectCheck, type EffectModels } from './effects.js';

export type Evidence =
  | { readonly kind: 'own' }
  | { readonly kind: 'earlier' }
  | { readonly kind: 'other-object'; readonly name: string }
  | { readonly kind: 'undone'; readonly by: Migration }
  | { readonly kind: 'undoes'; readonly of: Migration };

export interface JudgedCheck extends EffectCheck {
  readonly evidence: Evidence;
}

/** Does this evidence count towards the migration's mark? (`undone` / `undoes`: not visible at all.) */
export const isVisible = (c: JudgedCheck): boolean => c.evidence.kind !== 'undone' && c.evidence.kind !== 'undoes';
/** Present, but explained by something other than this migration. */
export const isExplainedOtherwise = (c: JudgedCheck): boolean => c.evidence.kind === 'earlier' || c.evidence.kind === 'other-object';

/** The name a named-object effect gives its object (index, constraint), else null. */
function ownName(e: Change): string | null {
  switch (e.kind) {
    case 'missing-index':
      return e.index.name;
    case 'missing-unique':
      return e.unique.name;
    case 'missing-check':
      return e.check.name;
    case 'missing-exclusion':
      return e.exclusion.name;
    case 'missing-foreign-key':
      return e.foreignKey.name;
    case 'missing-primary-key':
      return e.primaryKey.name;
    default:
      return null;
  }
}

/** For a present creation effect: explained by the model before the migration, or by an object of another name; null when it is the migration's own. */
export function presentOtherwise(effect: Change, models: EffectModels, db: Schema): Evidence | null {
  if (!effect.kind.startsWith('missing-')) return null;
  const mini = slice(effect, models.after);
  if (!mini) return null;
  if (compare(mini, restrict(models.before, mini)).every(isInformational)) return { kind: 'earlier' };
  const name = ownName(effect);
  if (name === null) return null;
  const renamed = compare(mini, restrict(db, mini)).find((c) => c.kind === 'name-differs' && c.declared === name);
  return renamed && renamed.kind === 'name-differs' ? { kind: 'other-object', name: renamed.live } : null;
}

/** Identities of what a creation (or alteration) effect is about: its own first, then the objects it lives in. */
function createdIds(e: Change): string[] {
  const t = 'table' in e && e.table ? qualifiedKey(e.table) : '';
  const inTable = (own: string): string[] => [own, `table:${t}`, `schema:${'table' in e && e.table ? e.table.schema : ''}`];
  switch (e.kind) {
    case 'missing-schema':
      return [`schema:${e.schema}`];
    case 'missing-enum':
      return [`enum:${qualifiedKey(e.enum)}`, `schema:${e.enum.schema}`];
    case 'missing-enum-value':
      return [`enum-value:${qualifiedKey(e.enum)}:${e.value}`, `enum:${qualifiedKey(e.enum)}`, `schema:${e.enum.schema}`];
    case 'missing-sequence':
      return [`sequence:${qualifiedKey(e.sequence)}`, `schema:${e.sequence.schema}`];
    case 'sequence-differs':
      return [`sequence:${qualifiedKey(e.sequence)}`, `schema:${e.sequence.schema}`];
    case 'missing-table':
      return [`table:${t}`, `schema:${e.table.schema}`];
    case 'missing-column':
      return inTable(`column:${t}:${e.column.name}`);
    case 'column-type-differs':
    case 'nullability-differs':
    case 'default-differs':
    case 'identity-differs':
    case 'identity-options-differ':
    case 'generated-differs':
      // An alteration: what it changed is the column.
      return inTable(`column:${t}:${e.column}`);
    default: {
      const name = ownName(e);
      return name === null ? [] : inTable(`rel:${t}:${name}`);
    }
  }
}

/** Identity of what a removal effect removed. */
function removedId(e: Change): string | null {
  switch (e.kind) {
    case 'extra-schema':
      return `schema:${e.schema}`;
    case 'extra-enum':
      return `enum:${qualifiedKey(e.enum)}`;
    case 'extra-enum-value':
      return `enum-value:${qualifiedKey(e.enum)}:${e.value}`;
    case 'extra-sequence':
      return `sequence:${qualifiedKey(e.sequence)}`;
    case 'extra-table':
      return `table:${qualifiedKey(e.table)}`;
    case 'extra-column':
      return `column:${qualifiedKey(e.table)}:${e.column}`;
    case 'extra-constraint':
      return `rel:${qualifiedKey(e.table)}:${e.name}`;
    default:
      return null;
  }
}

const tableIn = (m: Schema, key: string): Table | undefined => m.tables.find((x) => qualifiedKey(x) === key);

/** Does the database hold the object of this identity (by name)? */
function holds(db: Schema, id: string): boolean {
  const [kind, ...rest] = id.split(':');
  const key = rest[0] ?? '';
  switch (kind) {
    case 'schema':
      return db.schemas.includes(key);
    case 'enum':
      return db.enums.some((e) => qualifiedKey(e) === key);
    case 'enum-value':
      return db.enums.some((e) => qualifiedKey(e) === key && e.labels.includes(rest.slice(1).join(':')));
    case 'sequence':
      return db.sequences.some((s) => qualifiedKey(s) === key);
    case 'table':
      return tableIn(db, key) !== undefined;
    case 'column':
      return tableIn(db, key)?.columns.some((c) => c.name === rest.slice(1).join(':')) ?? false;
    case 'rel': {
      const t = tableIn(db, key);
      const name = rest.slice(1).join(':');
      if (!t) return false;
      return (
        t.indexes.some((i) => i.name === name) ||
        t.uniques.some((u) => u.name === name) ||
        t.checks.some((c) => c.name === name) ||
        t.foreignKeys.some((f) => f.name === name) ||
        t.primaryKey?.name === name
      );
    }
    default:
      return true;
  }
}

export interface MigrationChecks {
  readonly migration: Migration;
  readonly checks: readonly EffectCheck[];
  readonly models: EffectModels;
}

/** Evidence for every check of every migration (in source order). */
export function judgeEvidence(all: readonly MigrationChecks[], db: Schema): JudgedCheck[][] {
  const removals = all.map((m) => new Set(m.checks.map((c) => removedId(c.effect)).filter((x): x is string => x !== null)));
  /** `undone[j]`: own identities of creations that migration j undoes, with the migration that made them. */
  const undoneBy = all.map(() => new Map<string, Migration>());
  const judged: JudgedCheck[][] = all.map(({ migration, checks, models }, i) =>
    checks.map((c): JudgedCheck => {
      const ids = createdIds(c.effect);
      if (c.state === 'superseded' && ids.length > 0 && !holds(db, ids[0] ?? '')) {
        const j = removals.findIndex((r, k) => k > i && ids.some((id) => r.has(id)));
        const by = all[j]?.migration;
        if (by) {
          // Only an undone creation makes the later removal say nothing (an altered column was made earlier).
          if (c.effect.kind.startsWith('missing-')) undoneBy[j]?.set(ids[0] ?? '', migration);
          return { ...c, evidence: { kind: 'undone', by } };
        }
      }
      if (c.state === 'present') {
        const other = presentOtherwise(c.effect, models, db);
        if (other) return { ...c, evidence: other };
      }
      return { ...c, evidence: { kind: 'own' } };
    }),
  );
  return judged.map((checks, j) =>
    checks.map((c): JudgedCheck => {
      const id = removedId(c.effect);
      const of = id !== null && c.state === 'present' ? undoneBy[j]?.get(id) : undefined;
      return of ? { ...c, evidence: { kind: 'undoes', of } } : c;
    }),
  );
}
