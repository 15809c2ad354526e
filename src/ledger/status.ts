/**
 * Status per migration, like `showmigrations`, but checked against the database:
 * the ledger says whether it is recorded, the migration's own effects (judged by
 * effects.ts, weighed by evidence.ts) say whether what it did is there.
 * The marks and their rules are specified in src/ledger/README.md ("Marks").
 *
 * | mark | status | recorded | the migration's own effects |
 * | --- | --- | --- | --- |
 * | `[X]` | verified | yes | all present |
 * | `[F]` | faked | yes | none present (some may be there for another reason) |
 * | `[P]` | partial | yes | some present as it made them, some missing |
 * | `[~]` | different | yes | there, some not as it made them (and maybe some missing, none present as made) |
 * | `[R]` | unrecorded | no | present (all, partly, or differently), or inferred (nothing to check, a later migration of its app ran) |
 * | `[ ]` | pending | no | none present, or nothing to check and nothing after it ran |
 * | `[?]` | unverifiable | yes | nothing to check: data only, no schema effect, or undone by a later migration |
 *
 * With the `none` ledger nothing is recorded: `[X]` means present, the others as above.
 */
import { migrationEffects } from '../declared/effects.js';
import type { Declared, Migration } from '../declared/types.js';
import { ReconcileError } from '../errors.js';
import type { Schema } from '../model/types.js';
import { dataNeverRan, dataStatements } from './data.js';
import { differenceText, effectText, summarizeEffects } from './describe.js';
import { checkableEffects, checkEffect } from './effects.js';
import { isExplainedOtherwise, isVisible, judgeEvidence, type JudgedCheck } from './evidence.js';
import type { LedgerKind, LedgerMatch, LedgerRow } from './types.js';

export type Mark = 'X' | 'F' | 'P' | '~' | 'R' | ' ' | '?';
export type StatusKind = 'verified' | 'present' | 'faked' | 'partial' | 'different' | 'unrecorded' | 'pending' | 'unverifiable';
/** The effects as a whole: `none` when there is nothing to check (or nothing visible). */
export type EffectsState = 'present' | 'absent' | 'partial' | 'different' | 'none';

/**
 * Why an unrecorded migration with nothing to check is taken as run: a later
 * migration of its app is present (`present`) or recorded (`recorded`); null when not inferred.
 */
export type Inference = 'present' | 'recorded' | null;

export interface MigrationStatus {
  readonly migration: Migration;
  readonly mark: Mark;
  readonly status: StatusKind;
  /** Null with the `none` ledger. */
  readonly recorded: boolean | null;
  readonly effects: EffectsState;
  readonly checks: readonly JudgedCheck[];
  /** Unrecorded, nothing to check, but a later migration of its app ran: it ran too. */
  readonly inferred: Inference;
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

const isThere = (c: JudgedCheck): boolean => c.state === 'present' || c.state === 'superseded';

/** The rules of src/ledger/README.md ("Marks"), on the visible checks. */
function effectsState(checks: readonly JudgedCheck[]): EffectsState {
  const visible = checks.filter(isVisible);
  if (visible.length === 0) return 'none';
  if (visible.every(isThere)) return 'present';
  const own = visible.filter((c) => !isExplainedOtherwise(c));
  const present = own.filter(isThere).length;
  const missing = own.filter((c) => c.state === 'missing').length;
  const different = own.filter((c) => c.state === 'different').length;
  if (present === 0 && different === 0) return 'absent';
  // There, but not as the migration made it; or partly there, and nothing of it as it made it: done another way.
  if (missing === 0 || present === 0) return 'different';
  return 'partial';
}

const shortName = (m: Migration, of: Migration): string => (m.app === of.app ? m.name : m.key);

function details(checks: readonly JudgedCheck[]): string[] {
  return checks.flatMap((c) => {
    if (c.state === 'missing') return [c.effect.kind.startsWith('extra-') ? `${effectText(c.effect).replace(/^drop of /, 'drops ')}: still there` : `missing: ${effectText(c.effect)}`];
    if (c.state === 'different') return c.differences.map(differenceText);
    return [];
  });
}

/** Lines about effects that do not count, for an otherwise incomplete migration. */
function asideDetails(m: Migration, checks: readonly JudgedCheck[], state: EffectsState): string[] {
  if (state === 'present') return [];
  return checks.flatMap((c) => {
    switch (c.evidence.kind) {
      case 'earlier':
        return [`there for another reason: ${effectText(c.effect)} (an earlier migration made it)`];
      case 'other-object':
        return [`there for another reason: ${effectText(c.effect)} (as ${c.evidence.name}, not made by ${m.name})`];
      case 'undone':
      case 'undoes':
      case 'own':
        return [];
    }
  });
}

function classify(recorded: boolean | null, state: EffectsState, inferred: Inference): { mark: Mark; status: StatusKind } {
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
  if (state === 'absent' || (state === 'none' && inferred === null)) return { mark: ' ', status: 'pending' };
  return { mark: 'R', status: 'unrecorded' };
}

/** `undone by 0004_drop_sku`, `it undoes 0002_add_sku`: why some effects are not visible. */
function undoneParts(m: Migration, checks: readonly JudgedCheck[]): string[] {
  const by = new Set<string>();
  const of = new Set<string>();
  for (const c of checks) {
    if (c.evidence.kind === 'undone') by.add(shortName(c.evidence.by, m));
    if (c.evidence.kind === 'undoes') of.add(shortName(c.evidence.of, m));
  }
  return [...(by.size > 0 ? [`undone by ${[...by].join(', ')}`] : []), ...(of.size > 0 ? [`it undoes ${[...of].join(', ')}`] : [])];
}

/** Why there is nothing to check. */
function nothingText(m: Migration, checks: readonly JudgedCheck[]): string {
  if (m.stateOnly) return 'state only (it runs no SQL and no code), nothing to check';
  if (m.dataOnly) return 'data only (no schema change), not checkable';
  const parts = undoneParts(m, checks);
  return parts.length === 0 ? 'no schema effect, not checkable' : `effects not visible (${parts.join('; ')})`;
}

/** `; 1 column not visible (undone by 0004_drop_sku)` for the invisible part of a migration that has visible effects too. */
function invisibleText(m: Migration, checks: readonly JudgedCheck[]): string {
  const hidden = checks.filter((c) => !isVisible(c));
  if (hidden.length === 0 || hidden.length === checks.length) return '';
  return `; ${summarizeEffects(hidden.map((c) => c.effect))} not visible (${undoneParts(m, hidden).join('; ')})`;
}

function reasonFor(m: Migration, recorded: boolean | null, state: EffectsState, checks: readonly JudgedCheck[], inferred: Inference): string {
  const visible = checks.filter(isVisible);
  const all = summarizeEffects(visible.map((c) => c.effect));
  const own = visible.filter((c) => !isExplainedOtherwise(c));
  const missing = own.filter((c) => c.state === 'missing');
  const different = own.filter((c) => c.state === 'different');
  const aside = visible.filter((c) => isExplainedOtherwise(c));
  const superseded = visible.filter((c) => c.state === 'superseded').length;
  const later = superseded > 0 ? ` (${superseded} changed by later migrations)` : '';
  const hidden = invisibleText(m, checks);
  const otherwise = aside.length > 0 && state !== 'present' ? `; ${summarizeEffects(aside.map((c) => c.effect))} there for another reason` : '';
  const of = (xs: readonly JudgedCheck[]): string => `${xs.length} of ${own.length} effects`;
  const nothing = nothingText(m, checks);
  const prefix = recorded === null ? '' : recorded ? 'recorded; ' : 'not recorded; ';
  switch (state) {
    case 'none':
      if (recorded === null) return nothing;
      if (recorded) return `recorded; ${nothing}`;
      if (inferred !== null) return `inferred: later migrations it precedes are ${inferred}; ${nothing.replace(/, not checkable$/, '')}`;
      return `pending; ${nothing}`;
    case 'present':
      if (recorded === null) return `present: ${all}${later}${hidden}`;
      return recorded ? `verified: ${all}${later}${hidden}` : `present but not recorded: ${all}${later}${hidden}`;
    case 'absent': {
      const ownAll = summarizeEffects(own.map((c) => c.effect));
      const creations = own.every((c) => !c.effect.kind.startsWith('extra-'));
      if (recorded) return (creations ? `faked: recorded, but ${ownAll} missing` : `faked: recorded, but none of it is done (${ownAll})`) + otherwise + hidden;
      return `pending: ${ownAll}${otherwise}${hidden}`;
    }
    case 'partial': {
      const what = `${of(missing)} missing${different.length ? `, ${different.length} different` : ''}${otherwise}${hidden}`;
      return recorded ? `partial: ${what}` : `${prefix}partly present: ${what}`;
    }
    case 'different': {
      const gone = missing.length > 0 ? `, ${summarizeEffects(missing.map((c) => c.effect))} missing` : '';
      const what = `${summarizeEffects(different.map((c) => c.effect))} not as the migration made ${different.length === 1 ? 'it' : 'them'}${gone}${otherwise}${hidden}`;
      return recorded ? `applied differently: ${what}` : `${prefix}present differently: ${what}`;
    }
  }
}

/**
 * Walking each app from its last migration back: an unrecorded migration with
 * nothing to check ran when a later migration of its app is recorded, or has
 * all its effects present, or was itself inferred (Django applies an app's
 * migrations in order and refuses a history with a gap; drizzle applies in order).
 */
function inferences(items: readonly { migration: Migration; recorded: boolean | null; state: EffectsState }[]): Inference[] {
  const out: Inference[] = items.map(() => null);
  const later = new Map<string, Inference>();
  for (let i = items.length - 1; i >= 0; i--) {
    const { migration, recorded, state } = items[i]!;
    const app = migration.app;
    if (recorded === false && state === 'none') out[i] = later.get(app) ?? null;
    const seen = later.get(app) ?? null;
    const here: Inference = state === 'present' ? 'present' : recorded === true ? 'recorded' : out[i] ?? null;
    if (here === 'present' || (here !== null && seen === null)) later.set(app, here);
  }
  return out;
}

/** One status per migration of the source, in source order. */
export function migrationStatuses(input: StatusInput): MigrationStatus[] {
  const { declared, db, match, ledger } = input;
  if (declared.migrations.length > 0 && (declared.baseline === null || declared.snapshots.length !== declared.migrations.length)) {
    throw new ReconcileError('internal', 'migration status needs the source loaded with per-migration snapshots');
  }
  const effects = migrationEffects(declared);
  const afters = declared.snapshots.map((s) => s.after);
  const checked = effects.map(({ migration, changes }, i) => {
    const before = i === 0 ? declared.baseline : afters[i - 1];
    const after = afters[i];
    if (!before || !after) throw new ReconcileError('internal', `no snapshot for ${migration.key}`);
    const models = { before, after, later: afters.slice(i + 1) };
    const checks = migration.dataOnly ? [] : checkableEffects(changes).map((e) => checkEffect(e, models, db));
    return { migration, checks, models };
  });
  const judged = judgeEvidence(checked, db);
  const base = checked.map(({ migration }, i) => {
    const entry = match.entries.get(migration.key);
    const recorded = ledger === 'none' ? null : (entry?.recorded ?? false);
    const checks = judged[i] ?? [];
    return { migration, entry, recorded, checks, state: effectsState(checks) };
  });
  const inferred = inferences(base);
  return base.map(({ migration, entry, recorded, checks, state }, i) => {
    const why = inferred[i] ?? null;
    const { mark, status } = classify(recorded, state, why);
    const notes = entry?.notes ?? [];
    return {
      migration,
      mark,
      status,
      recorded,
      effects: state,
      checks,
      inferred: why,
      reason: [reasonFor(migration, recorded, state, checks, why), ...neverRan(migration, state, checks), ...notes].join('; '),
      details: [...details(checks), ...asideDetails(migration, checks, state)],
      notes,
      ledgerDrift: entry?.drift ?? false,
      rows: entry?.rows ?? [],
    };
  });
}

/** `3 data statements never ran`: a migration whose schema effects are missing did not run its data statements either. */
function neverRan(m: Migration, state: EffectsState, checks: readonly JudgedCheck[]): string[] {
  if (!dataNeverRan(state, checks)) return [];
  const n = dataStatements(m).length;
  return n === 0 ? [] : [`${n} data statement${n === 1 ? '' : 's'} never ran`];
}

/** Fine for the exit code: verified (or present without a ledger), or recorded with nothing to check. */
export function isSettled(s: MigrationStatus): boolean {
  return !s.ledgerDrift && (s.status === 'verified' || s.status === 'present' || s.status === 'unverifiable');
}

/** The ledger as a whole against the source: what `status`, `verify` and `plan` all decide "in sync" by. */
export interface LedgerVerdict {
  readonly inSync: boolean;
  /** One line each: missing rows, extra rows, migrations not as recorded, edited migrations. */
  readonly problems: readonly string[];
}

export function ledgerVerdict(statuses: readonly MigrationStatus[], match: Pick<LedgerMatch, 'unknown'>): LedgerVerdict {
  const problems: string[] = [];
  for (const s of statuses) {
    if (isSettled(s)) continue;
    const key = s.migration.key;
    if (s.status === 'unrecorded') problems.push(`missing row: ${key} ([R] ${s.reason})`);
    else if (s.ledgerDrift && (s.status === 'verified' || s.status === 'unverifiable')) problems.push(`edited: ${key} (${s.notes.join('; ')})`);
    else problems.push(`[${s.mark}] ${key}: ${s.reason}`);
  }
  for (const r of match.unknown) problems.push(`extra row: ${r.display} (no such migration in the source)`);
  return { inSync: problems.length === 0, problems };
}
