/**
 * What statement builders know about the database beyond the change itself.
 */
import type { Change } from '../diff/changes.js';
import type { QualifiedName } from '../model/types.js';
import { qualifiedKey } from '../model/types.js';
import type { Hazard, LockLevel, Note, Phase, PlanContext, Statement } from './types.js';

export interface BuildContext extends PlanContext {
  /** Tables this plan creates: empty, so no concurrent builds or validation scans needed. */
  readonly newTables: ReadonlySet<string>;
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

/** A statement with the safe defaults: transactional, brief, no lock on existing tables, no hazard. */
export function statement(source: Change, input: StatementInput): Statement {
  return {
    phase: input.phase,
    description: input.description,
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
