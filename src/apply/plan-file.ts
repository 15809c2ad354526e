/**
 * Plans saved with `reconcile plan --out plan.json`, read back for
 * `reconcile apply --plan plan.json`. The file records the live schema hash it
 * was planned against and a hash of its statements, so a plan for another
 * database, a stale plan, or a hand-edited plan is refused.
 */
import { readFileSync } from 'node:fs';
import type { Change } from '../diff/changes.js';
import { ReconcileError } from '../errors.js';
import type { Plan, Statement } from '../plan/types.js';
import { PLAN_JSON_FORMAT, statementsHash } from '../render/plan-json.js';

export interface PlanFile {
  readonly plan: Plan;
  readonly liveHash: string;
  readonly target: string;
  /** False when the statements were changed after the plan was written. */
  readonly intact: boolean;
}

interface StatementJson extends Omit<Statement, 'source'> {
  readonly change: number | null;
}

export function readPlanFile(file: string): PlanFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ReconcileError('bad-input', `cannot read plan ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'give the path of a plan written by reconcile plan --out plan.json');
  }
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch {
    const hint = text.startsWith('--') ? 'this looks like a SQL plan: run it with psql -v ON_ERROR_STOP=1 -f, or write a JSON plan with --out plan.json' : 'write one with reconcile plan --out plan.json';
    throw new ReconcileError('bad-input', `${file} is not a JSON plan`, hint);
  }
  if (doc['format'] !== PLAN_JSON_FORMAT) {
    throw new ReconcileError('bad-input', `${file} is not a pg-reconcile plan (format ${JSON.stringify(doc['format'] ?? null)}, expected ${PLAN_JSON_FORMAT})`);
  }
  const changes = (doc['changes'] ?? []) as Change[];
  const toStatement = (s: StatementJson): Statement => {
    const { change, ...rest } = s;
    const source = change !== null ? changes[change] : undefined;
    if (!source) throw new ReconcileError('bad-input', `${file}: a statement points at no change`, 'the plan file was edited or truncated; plan again');
    return { ...rest, cleanup: rest.cleanup ?? null, source };
  };
  const statementsJson = (doc['statements'] ?? []) as StatementJson[];
  const withheldJson = (doc['withheld'] ?? []) as StatementJson[];
  const plan: Plan = {
    statements: statementsJson.map(toStatement),
    withheld: withheldJson.map(toStatement),
    notes: [],
    changes,
  };
  return {
    plan,
    liveHash: String(doc['liveHash'] ?? ''),
    target: String(doc['target'] ?? ''),
    intact: doc['statementsHash'] === statementsHash({ statements: statementsJson, withheld: withheldJson, changes, liveHash: doc['liveHash'] }),
  };
}
