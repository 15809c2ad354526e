/**
 * Status per migration, like `showmigrations`, but checked against the database:
 * the ledger says whether it is recorded, the migration's own effects (judged by
 * effects.ts) say whether what it did is there.
 *
 * | mark | status | recorded | effects |
 * | --- | --- | --- | --- |
 * | `[X]` | verified | yes | all present |
 * | `[F]` | faked | yes | all missing |
 * | `[P]` | partial | yes | some present, some missing |
 * | `[~]` | different | yes | all there, some not as the migration made them |
 * | `[R]` | unrecorded | no | present (all, partly, or differently: the reason says which) |
 * | `[ ]` | pending | no | all missing |
 * | `[?]` | unverifiable | yes | none to check: data only (RunPython, INSERT ...) or no schema effect |
 *
 * An unrecorded migration without effects to check is pending (`[ ]`). With the
 * `none` ledger nothing is recorded: `[X]` means present, the others as above.
 * An effect a later migration changed on purpose counts as present (effects.ts).
 */
import { migrationEffects } from '../declared/effects.js';
import type { Declared, Migration } from '../declared/types.js';
import { ReconcileError } from '../errors.js';
import type { Schema } from '../model/types.js';
import { differenceText, effectText, summarizeEffects } from './describe.js';
import { checkableEffects, checkEffect, type EffectCheck } from './effects.js';
import type { LedgerKind, LedgerMatch, LedgerRow } from './types.js';

export type Mark = 'X' | 'F' | 'P' | '~' | 'R' | ' ' | '?';
export type StatusKind = 'verified' | 'present' | 'faked' | 'partial' | 'different' | 'unrecorded' | 'pending' | 'unverifiable';
/** The effects as a whole: `none` when there is nothing to check. */
export type EffectsState = 'present' | 'absent' | 'partial' | 'different' | 'none';

export interface MigrationStatus {
  readonly migration: Migration;
  readonly mark: Mark;
  readonly status: StatusKind;
  /** Null with the `none` ledger. */
  readonly recorded: boolean | null;
  readonly effects: EffectsState;
  readonly checks: readonly EffectCheck[];
  /** One short line. */
  readonly reason: string;
  /** What is missing or different, one line each. */
  readonly details: readonly string[];
  /** From the ledger (edited file, never applied by drizzle, recorded twice, ...). */
  readonly notes: readonly string[];
  /** Recorded, but the ledger disagrees with the source about it (an edited drizzle migration). */
  readonly ledgerDrift: boolean;
  /** The ledger rows that record it. */
  readonly rows: readonly LedgerRow[];
}

export interface StatusInput {
  readonly declared: Pick<Declared, 'migrations' | 'snapshots' | 'baseline'>;
  /** The database to judge: the live model, or the one predicted after a plan. */
  readonly db: Schema;
  readonly ledger: LedgerKind;
  readonly match: LedgerMatch;
}

function effectsState(checks: readonly EffectCheck[]): EffectsState {
  if (checks.length === 0) return 'none';
  const n = (s: EffectCheck['state']): number => checks.filter((c) => c.state === s).length;
  const present = n('present') + n('superseded');
  const missing = n('missing');
  const different = n('different');
  if (missing === 0 && different === 0) return 'present';
  if (present === 0 && different === 0) return 'absent';
  if (missing === 0) return 'different';
  return 'partial';
}

function details(checks: readonly EffectCheck[]): string[] {
  return checks.flatMap((c) => {
    if (c.state === 'missing') return [c.effect.kind.startsWith('extra-') ? `not done: ${effectText(c.effect)}` : `missing: ${effectText(c.effect)}`];
    if (c.state === 'different') return c.differences.map(differenceText);
    return [];
  });
}

function classify(recorded: boolean | null, state: EffectsState): { mark: Mark; status: StatusKind } {
  if (recorded === null) {
    switch (state) {
      case 'present':
        return { mark: 'X', status: 'present' };
      case 'absent':
        return { mark: ' ', status: 'pending' };
      case 'partial':
        return { mark: 'P', status: 'partial' };
      case 'different':
        return { mark: '~', status: 'different' };
      case 'none':
        return { mark: '?', status: 'unverifiable' };
    }
  }
  if (recorded) {
    switch (state) {
      case 'present':
        return { mark: 'X', status: 'verified' };
      case 'absent':
        return { mark: 'F', status: 'faked' };
      case 'partial':
        return { mark: 'P', status: 'partial' };
      case 'different':
        return { mark: '~', status: 'different' };
      case 'none':
        return { mark: '?', status: 'unverifiable' };
    }
  }
  if (state === 'absent' || state === 'none') return { mark: ' ', status: 'pending' };
  return { mark: 'R', status: 'unrecorded' };
}

function reasonFor(m: Migration, recorded: boolean | null, state: EffectsState, checks: readonly EffectCheck[]): string {
  const all = summarizeEffects(checks.map((c) => c.effect));
  const missing = checks.filter((c) => c.state === 'missing');
  const different = checks.filter((c) => c.state === 'different');
  const superseded = checks.filter((c) => c.state === 'superseded').length;
  const later = superseded > 0 ? ` (${superseded} changed by later migrations)` : '';
  const of = (xs: readonly EffectCheck[]): string => `${xs.length} of ${checks.length} effects`;
  const nothing = m.dataOnly ? 'data only (no schema change), not checkable' : 'no schema effect, not checkable';
  const prefix = recorded === null ? '' : recorded ? 'recorded; ' : 'not recorded; ';
  switch (state) {
    case 'none':
      return recorded === null ? nothing : `${recorded ? 'recorded' : 'pending'}; ${nothing}`;
    case 'present':
      if (recorded === null) return `present: ${all}${later}`;
      return recorded ? `verified: ${all}${later}` : `present but not recorded: ${all}${later}`;
    case 'absent': {
      const creations = checks.every((c) => !c.effect.kind.startsWith('extra-'));
      if (recorded) return creations ? `faked: recorded, but ${all} missing` : `faked: recorded, but none of it is done (${all})`;
      return `pending: ${all}`;
    }
    case 'partial':
      if (recorded) return `partial: ${of(missing)} missing${different.length ? `, ${different.length} different` : ''}`;
      return `${prefix}partly present: ${of(missing)} missing${different.length ? `, ${different.length} different` : ''}`;
    case 'different': {
      const what = `${summarizeEffects(different.map((c) => c.effect))} not as the migration made ${different.length === 1 ? 'it' : 'them'}`;
      return recorded ? `applied differently: ${what}` : `${prefix}present differently: ${what}`;
    }
  }
}

/** One status per migration of the source, in source order. */
export function migrationStatuses(input: StatusInput): MigrationStatus[] {
  const { declared, db, match, ledger } = input;
  if (declared.migrations.length > 0 && (declared.baseline === null || declared.snapshots.length !== declared.migrations.length)) {
    throw new ReconcileError('internal', 'migration status needs the source loaded with per-migration snapshots');
  }
  const effects = migrationEffects(declared);
  const afters = declared.snapshots.map((s) => s.after);
  return effects.map(({ migration, changes }, i) => {
    const before = i === 0 ? declared.baseline : afters[i - 1];
    const after = afters[i];
    if (!before || !after) throw new ReconcileError('internal', `no snapshot for ${migration.key}`);
    const models = { before, after, later: afters.slice(i + 1) };
    const checks = migration.dataOnly ? [] : checkableEffects(changes).map((e) => checkEffect(e, models, db));
    const entry = match.entries.get(migration.key);
    const recorded = ledger === 'none' ? null : (entry?.recorded ?? false);
    const state = effectsState(checks);
    const { mark, status } = classify(recorded, state);
    const notes = entry?.notes ?? [];
    return {
      migration,
      mark,
      status,
      recorded,
      effects: state,
      checks,
      reason: [reasonFor(migration, recorded, state, checks), ...notes].join('; '),
      details: details(checks),
      notes,
      ledgerDrift: entry?.drift ?? false,
      rows: entry?.rows ?? [],
    };
  });
}

/** Fine for the exit code: verified (or present without a ledger), or recorded with nothing to check. */
export function isSettled(s: MigrationStatus): boolean {
  return !s.ledgerDrift && (s.status === 'verified' || s.status === 'present' || s.status === 'unverifiable');
}
