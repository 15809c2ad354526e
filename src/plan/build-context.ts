/**
 * What statement builders know about the database beyond the change itself.
 */
import type { Change } from '../diff/changes.js';
import type { QualifiedName } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import type { Around } from './type-dependents.js';
import type { Hazard, LockLevel, Note, Phase, PlanContext, Statement } from './types.js';

export interface BuildContext extends PlanContext {
  /** Tables this plan creates: empty, so no concurrent builds or validation scans needed. */
  readonly newTables: ReadonlySet<string>;
  /** Type changes grouped by table (see groupTypeChanges): one statement per group. */
  readonly typeGroups: ReadonlyMap<Change, readonly Extract<Change, { kind: 'column-type-differs' }>[]>;
  /** By a type change group's first change: the objects dropped and created around its ALTER (plan/type-dependents.ts). */
  readonly typeArounds: ReadonlyMap<Change, Around>;
  /** (table, column set) pairs that declared foreign keys reference (see referencedKey). */
  readonly referencedKeys: ReadonlySet<string>;
  /** Tables whose live primary key the plan replaces with the declared one. */
  readonly primaryKeyReplaced: ReadonlySet<string>;
  /** Tables whose live primary key, absent from the model, must go for a declared nullable column. */
  readonly primaryKeyDropped: ReadonlySet<string>;
  /** Every change of the plan. */
  readonly changes: readonly Change[];
}

/** The key of a referenced column set: order does not matter to a foreign key's target index. */
export function referencedKey(t: QualifiedName, columns: readonly string[]): string {
  return JSON.stringify([t.schema, t.name, [...columns].sort()]);
}

export function holdsRows(ctx: BuildContext, t: QualifiedName): boolean {
  const k = qualifiedKey(t);
  return !ctx.newTables.has(k) && ctx.tablesWithRows.has(k);
}

export function isNew(ctx: BuildContext, t: QualifiedName): boolean {
  return ctx.newTables.has(qualifiedKey(t));
}

export interface Built {
  readonly statements: Statement[];
  readonly notes: Note[];
}

export function built(statements: Statement[] = [], notes: Note[] = []): Built {
  return { statements, notes };
}

interface StatementInput {
  phase: Phase;
  description: string;
  sql: string;
  guard?: string | null;
  lockLevel?: LockLevel;
  locks?: readonly QualifiedName[];
  transactional?: boolean;
  duration?: 'brief' | 'long';
  hazards?: readonly Hazard[];
  cleanup?: { readonly guard: string; readonly sql: string } | null;
}

/** Descriptions are one line: control characters (names may hold newlines) are shown escaped. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (ch) =>
    ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A statement with the safe defaults: transactional, brief, no lock on existing tables, no hazard. */
export function statement(source: Change, input: StatementInput): Statement {
  return {
    phase: input.phase,
    description: oneLine(input.description),
    sql: input.sql,
    guard: input.guard ?? null,
    lockLevel: input.lockLevel ?? 'none',
    locks: input.locks ?? [],
    transactional: input.transactional ?? true,
    duration: input.duration ?? 'brief',
    hazards: input.hazards ?? [],
    cleanup: input.cleanup ?? null,
    source,
  };
}
