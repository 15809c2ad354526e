/**
 * Steps of migrations that the live database lacks and the declared model cannot
 * show: what a migration dropped that is still there (hazard `drop`), and the data
 * statements of a migration whose schema effects were missing (hazard `data`).
 * Data statements run in phase `data` (after the columns they fill are added,
 * before NOT NULL and type fixes, as in the migration: add, backfill, constrain),
 * one transaction per migration, in migration order; drops in phase `drops`,
 * after everything the plan creates, in migration order and within a migration
 * foreign keys, other constraints, indexes, columns, tables, sequences, enums.
 * A migration's data statements are withheld while any of its drops is: run
 * alone, they would be listed again by the next plan (the migration still looks
 * not done) and run twice.
 */
import type { Change } from '../diff/changes.js';
import type { QualifiedName } from '../model/types.js';
import { displayName } from '../render/model-text.js';
import { ident, qualified } from '../render/quote.js';
import { holdsRows, statement, type BuildContext } from './build-context.js';
import { dollarQuote } from './sql.js';
import type { AttributedDrop, DataStep, Hazard, Statement } from './types.js';

const show = (t: QualifiedName): string => displayName(t.schema, t.name);

/** What a drop removes, as a noun phrase: `column public.Access.permissions`. */
export function droppedObject(c: Change): string | null {
  switch (c.kind) {
    case 'extra-table':
      return `table ${show(c.table)}`;
    case 'extra-column':
      return `column ${show(c.table)}.${c.column}`;
    case 'extra-enum':
      return `enum ${show(c.enum)}`;
    case 'extra-sequence':
      return `sequence ${show(c.sequence)}`;
    case 'extra-constraint':
      return c.objectKind === 'primary key' ? null : `${c.objectKind} ${c.name} on ${show(c.table)}`;
    default:
      return null;
  }
}

/** Order of drops within one migration: what depends on others goes first. */
function dropRank(c: Change): number {
  if (c.kind === 'extra-constraint') return c.objectKind === 'foreign key' ? 0 : c.objectKind === 'index' ? 2 : 1;
  if (c.kind === 'extra-column') return 3;
  if (c.kind === 'extra-table') return 4;
  if (c.kind === 'extra-sequence') return 5;
  return 6;
}

function dropStatement(c: Change, d: AttributedDrop, ctx: BuildContext): Statement | null {
  const what = droppedObject(c);
  if (what === null) return null;
  const destroys = d.destroys.length > 0 ? `: ${d.destroys.join('; ')}` : '';
  const hazard: Hazard = { kind: 'drop', message: `${d.migration} dropped ${what}, and the live database still has it${destroys}` };
  const base = { phase: 'drops' as const, description: `drop ${what} (dropped by migration ${d.migration})`, hazards: [hazard] };
  switch (c.kind) {
    case 'extra-table':
      return statement(c, { ...base, sql: `DROP TABLE IF EXISTS ${qualified(c.table)}`, lockLevel: 'ACCESS EXCLUSIVE', locks: [c.table] });
    case 'extra-column':
      return statement(c, { ...base, sql: `ALTER TABLE ${qualified(c.table)} DROP COLUMN IF EXISTS ${ident(c.column)}`, lockLevel: 'ACCESS EXCLUSIVE', locks: [c.table] });
    case 'extra-enum':
      return statement(c, { ...base, sql: `DROP TYPE IF EXISTS ${qualified(c.enum)}` });
    case 'extra-sequence':
      return statement(c, { ...base, sql: `DROP SEQUENCE IF EXISTS ${qualified(c.sequence)}` });
    case 'extra-constraint': {
      if (c.objectKind === 'index') {
        // On a table with rows, concurrently: reads and writes go on while it is dropped.
        const concurrently = holdsRows(ctx, c.table);
        return statement(c, {
          ...base,
          sql: `DROP INDEX ${concurrently ? 'CONCURRENTLY ' : ''}IF EXISTS ${qualified({ schema: c.table.schema, name: c.name })}`,
          lockLevel: concurrently ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE',
          locks: [c.table],
          transactional: !concurrently,
        });
      }
      return statement(c, { ...base, sql: `ALTER TABLE ${qualified(c.table)} DROP CONSTRAINT IF EXISTS ${ident(c.name)}`, lockLevel: 'ACCESS EXCLUSIVE', locks: [c.table] });
    }
    default:
      return null;
  }
}

/**
 * A migration's data statements as one statement, so one transaction in `apply`
 * and under psql alike: a DO block that runs each exactly as written, with
 * the search_path the application's sessions start with (the migration ran with
 * it; the plan's sessions use pg_catalog).
 */
export function dataStepSql(statements: readonly string[]): string {
  const lines = ["EXECUTE 'SET LOCAL search_path TO DEFAULT';", ...statements.map((s) => `EXECUTE ${dollarQuote(s)};`)];
  return `DO ${dollarQuote(`BEGIN\n${lines.map((l) => `  ${l}\n`).join('')}END`)}`;
}

/** Its source is a change it does not repair (the one it belongs with): `covers` is empty, so withholding it leaves that change done. */
function dataStatement(step: DataStep): Statement {
  const n = step.statements.length;
  const hazard: Hazard = {
    kind: 'data',
    message: `${step.migration}'s schema effects were missing, so its ${n} data statement${n === 1 ? '' : 's'} never ran: ${step.statements.map((s) => s.replace(/\s+/g, ' ')).join('; ')}`,
  };
  const s = statement(step.source, {
    phase: 'data',
    description: `run the ${n} data statement${n === 1 ? '' : 's'} of migration ${step.migration} (never ran)`,
    sql: dataStepSql(step.statements),
    duration: 'long',
    hazards: [hazard],
  });
  return { ...s, covers: [] };
}

export interface StepStatements {
  /** In migration order. */
  readonly statements: Statement[];
  /** The migration each statement is a step of. */
  readonly migrationOf: ReadonlyMap<Statement, string>;
}

/** The statements of the migrations' steps; the changes they repair are left out of the other builders. */
export function stepStatements(ctx: BuildContext): StepStatements {
  const steps = ctx.steps;
  const migrationOf = new Map<Statement, string>();
  if (!steps) return { statements: [], migrationOf };
  const items: { order: number; rank: number; s: Statement }[] = [];
  for (const d of steps.data) {
    const s = dataStatement(d);
    migrationOf.set(s, d.migration);
    items.push({ order: d.order, rank: -1, s });
  }
  for (const [c, d] of steps.drops) {
    const s = dropStatement(c, d, ctx);
    if (!s) continue;
    migrationOf.set(s, d.migration);
    items.push({ order: d.order, rank: dropRank(c), s });
  }
  return { statements: items.sort((a, b) => a.order - b.order || a.rank - b.rank).map((x) => x.s), migrationOf };
}

/** Runnable statements, less the data steps of migrations that have a drop withheld (they would run again next time). */
export function holdBackData(runnable: (s: Statement) => boolean, steps: StepStatements): (s: Statement) => boolean {
  const blocked = new Set<string>();
  for (const [s, m] of steps.migrationOf) if (s.phase === 'drops' && !runnable(s)) blocked.add(m);
  return (s) => {
    const m = s.phase === 'data' ? steps.migrationOf.get(s) : undefined;
    return runnable(s) && (m === undefined || !blocked.has(m));
  };
}

/** Does the plan drop this extra change (a migration of the source dropped it)? */
export function isAttributedDrop(c: Change, ctx: BuildContext): boolean {
  return ctx.steps?.drops.has(c) === true && droppedObject(c) !== null;
}
