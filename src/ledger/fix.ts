/**
 * The ledger fix a plan ends with: rows for the migrations whose effects will be
 * present once the plan has run and that are not recorded (in migration order,
 * each `INSERT ... SELECT ... WHERE NOT EXISTS`), the ledger table created the
 * way its tool creates it when missing, and, only with `prune`, the removal of
 * rows no migration of the source explains. Existing rows are never rewritten.
 * The last statement checks that the ledger then matches the source and the schema.
 *
 * A migration with nothing to check (data only, or undone by a later one) is
 * recorded when status.ts infers it ran: a later migration of its app is
 * recorded or will be present (Django refuses a history where a migration is
 * applied before one it depends on, and drizzle would never run it anyway).
 */
import type { Declared, Migration } from '../declared/types.js';
import type { Scope } from '../diff/scope.js';
import type { Schema } from '../model/types.js';
import { dataStepSql } from '../plan/build-steps.js';
import { dollarQuote, regclass } from '../plan/sql.js';
import type { MigrationSteps, Note, Plan, Statement } from '../plan/types.js';
import { literal } from '../render/quote.js';
import { effectText } from './describe.js';
import type { Change } from '../diff/changes.js';
import { dataNeverRan } from './data.js';
import { predictAfterPlan } from './predict.js';
import { ledgerStatement } from './sql.js';
import { migrationStatuses, type MigrationStatus } from './status.js';
import type { LedgerAdapter, LedgerMatch, LedgerReading, LedgerRow } from './types.js';

export interface LedgerFixInput {
  readonly declared: Pick<Declared, 'source' | 'schema' | 'migrations' | 'snapshots' | 'baseline'>;
  readonly live: Schema;
  readonly plan: Plan;
  readonly scope?: Scope;
  readonly adapter: LedgerAdapter;
  readonly reading: LedgerReading;
  readonly match: LedgerMatch;
  /** Delete rows no migration of the source explains (`--ledger-prune`). */
  readonly prune?: boolean;
  /** The migrations' steps the plan was given (data steps withheld keep their migration unrecorded). */
  readonly steps?: MigrationSteps | undefined;
}

export interface LedgerFix {
  readonly statements: readonly Statement[];
  readonly notes: readonly Note[];
  /** Migrations the fix records, in source order. */
  readonly record: readonly Migration[];
  readonly prune: readonly LedgerRow[];
  /** Status of every migration in the database predicted after the plan. */
  readonly predicted: readonly MigrationStatus[];
}

/**
 * Which unrecorded migrations get a row, given their status after the plan: present, or inferred
 * (status.ts); and a state-only one (it runs nothing: recording it is all `migrate` does) once every
 * earlier migration of its app is recorded or gets a row (Django refuses a history with a gap).
 */
function chooseRecords(after: readonly MigrationStatus[]): Set<string> {
  const chosen = new Set(after.filter((s) => s.recorded === false && (s.effects === 'present' || s.inferred !== null)).map((s) => s.migration.key));
  const gap = new Set<string>();
  for (const s of after) {
    const app = s.migration.app;
    if (s.recorded === false && !chosen.has(s.migration.key) && s.migration.stateOnly === true && s.effects === 'none' && !gap.has(app)) chosen.add(s.migration.key);
    if (s.recorded !== true && !chosen.has(s.migration.key)) gap.add(app);
  }
  return chosen;
}

function verification(input: LedgerFixInput, record: ReadonlySet<string>, prune: readonly LedgerRow[], after: readonly MigrationStatus[]): Statement | null {
  const { adapter, reading, declared } = input;
  const checks: { cond: string; failure: string }[] = [];
  for (const s of after) {
    if (s.recorded !== true && !record.has(s.migration.key)) continue;
    checks.push({ cond: adapter.recordedCondition(reading, s.migration, declared.source), failure: `${s.migration.key} is not recorded` });
  }
  for (const r of prune) checks.push({ cond: adapter.rowGoneCondition(reading, r), failure: `ledger row ${r.display} is still there` });
  for (const s of after) {
    if (!record.has(s.migration.key)) continue;
    for (const c of s.checks) {
      if (c.state !== 'present') continue;
      const e = c.effect;
      if (e.kind === 'missing-table') checks.push({ cond: `${regclass(e.table)} IS NOT NULL`, failure: `${s.migration.key}: ${effectText(e)} is absent` });
      if (e.kind === 'missing-column') {
        checks.push({
          cond: `EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass(e.table)} AND attname = ${literal(e.column.name)} AND NOT attisdropped)`,
          failure: `${s.migration.key}: ${effectText(e)} is absent`,
        });
      }
    }
  }
  if (checks.length === 0 || !reading.table) return null;
  const body =
    ` DECLARE failed text[] := '{}'; BEGIN ` +
    checks.map((c) => `IF NOT (${c.cond}) THEN failed := failed || ${literal(c.failure)}::text; END IF;`).join(' ') +
    ` IF cardinality(failed) > 0 THEN RAISE EXCEPTION 'pg-reconcile ledger verification failed: %', array_to_string(failed, '; '); END IF; END `;
  return ledgerStatement(reading.table, {
    description: 'check the ledger: every migration it should record is recorded, and the tables and columns of those just recorded exist',
    sql: `DO ${dollarQuote(body)}`,
  });
}

export function ledgerFix(input: LedgerFixInput): LedgerFix {
  const { declared, adapter, reading, match } = input;
  const predictedDb = predictAfterPlan(declared.schema, input.live, input.plan, input.scope);
  const after = migrationStatuses({ declared, db: predictedDb, ledger: adapter.kind, match });
  let chosen = chooseRecords(after);
  // A migration whose data statements are withheld is not recorded: it has not run yet.
  const dataWithheld = new Set((input.steps?.data ?? []).filter((d) => input.plan.withheld.some((w) => w.hazards.some((h) => h.kind === 'data') && w.sql === dataStepSql(d.statements))).map((d) => d.migration));
  for (const k of dataWithheld) chosen.delete(k);
  const dataRun = new Set((input.steps?.data ?? []).filter((d) => input.plan.statements.some((w) => w.phase === 'data' && w.sql === dataStepSql(d.statements))).map((d) => d.migration));
  let record = declared.migrations.filter((m) => chosen.has(m.key));
  const prune = input.prune ? match.unknown : [];
  const notes: Note[] = [];
  if (adapter.limitRecord) {
    const limited = adapter.limitRecord(match, record, declared.migrations);
    record = limited.record;
    chosen = new Set(record.map((m) => m.key));
    for (const message of limited.notes) notes.push({ level: 'warning', message, source: null });
  }
  for (const s of after) {
    if (s.recorded !== false || chosen.has(s.migration.key) || s.effects === 'none' || s.effects === 'absent') continue;
    notes.push({
      level: 'warning',
      message: `${s.migration.key} stays unrecorded: after this plan its effects are still ${s.effects === 'partial' ? 'partly missing' : 'different'} (${s.details.slice(0, 3).join('; ')}${s.details.length > 3 ? '; …' : ''}); allow the withheld statements or fix it by hand, then plan again`,
      source: null,
    });
  }
  for (const s of after) {
    if (!dataRun.has(s.migration.key) || !dataNeverRan(s.effects, s.checks)) continue;
    notes.push({
      level: 'warning',
      message: `${s.migration.key}: its data statements run in this plan, but after it the migration still looks not done (${s.details.slice(0, 3).join('; ')}${s.details.length > 3 ? '; …' : ''}): the next plan lists them again; do not allow data again for it`,
      source: null,
    });
  }
  for (const s of after) {
    if (!dataWithheld.has(s.migration.key)) continue;
    notes.push({
      level: 'warning',
      message: `${s.migration.key} ${s.recorded ? 'is recorded, but' : 'stays unrecorded:'} its data statements are withheld (hazard data) and never ran; --allow-hazards data runs them`,
      source: null,
    });
  }
  for (const s of after) {
    if (s.recorded !== false || chosen.has(s.migration.key) || s.effects !== 'none') continue;
    notes.push({
      level: 'warning',
      message: `${s.migration.key} is not recorded and ${s.migration.dataOnly ? 'has no schema effect to check (data only)' : s.reason.replace(/^pending; /, 'has ').replace(/, not checkable$/, '')}: reconcile cannot tell whether it ran; record it by hand if it did`,
      source: null,
    });
  }
  for (const s of after) {
    if (s.ledgerDrift) notes.push({ level: 'warning', message: `${s.migration.key}: ${s.notes.join('; ')} (the ledger row is kept)`, source: null });
  }
  if (match.unknown.length > 0 && !input.prune) {
    const list = match.unknown.map((r) => r.display);
    notes.push({
      level: 'warning',
      message: `${list.length} ledger row${list.length === 1 ? '' : 's'} name${list.length === 1 ? 's' : ''} no migration of the source (${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}): kept; --ledger-prune removes them`,
      source: null,
    });
  }
  const statements: Statement[] = adapter.fix({ source: declared.source, reading, match, record, prune });
  if (statements.length > 0) {
    const check = verification(input, chosen, prune, after);
    if (check) statements.push(check);
  }
  return { statements, notes, record, prune, predicted: after };
}

/** The plan with the ledger fix appended (phase `ledger`, after every schema statement). */
export function withLedgerFix(plan: Plan, fix: LedgerFix): Plan {
  if (fix.statements.length === 0) return { ...plan, notes: [...plan.notes, ...fix.notes] };
  const first = fix.statements[0]!.source;
  const ledger = first.kind === 'ledger-differs' ? first.ledger : { schema: 'public', name: 'ledger' };
  // One change for the whole fix; every ledger statement points at it.
  const change: Change = { kind: 'ledger-differs', ledger, record: fix.record.map((m) => m.key), prune: fix.prune.map((r) => r.display) };
  return {
    ...plan,
    changes: [...plan.changes, change],
    statements: [...plan.statements, ...fix.statements.map((s) => ({ ...s, source: change }))],
    notes: [...plan.notes, ...fix.notes],
  };
}
